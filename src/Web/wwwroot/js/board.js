// The board's cards are drawn here from the lists BoardPage sends (BoardColumnCards), so a card costs the server no
// render tree. Opening a card, its "move to" menu and drag and drop between columns are delegated from the board's
// columns element and reported to BoardPage by card id; a dropped card moves when the server sends its new column.
export function attach(root, board, texts) {
    root._boardTexts = texts;
    let dragged = null;
    let over = null;
    const cardOf = target => target.closest("[data-lead]");
    const zoneOf = target => target.closest("[data-zone]");
    const highlight = zone => {
        if (over === zone) return;
        over?.classList.remove("drop-over");
        over = zone;
        over?.classList.add("drop-over");
    };

    const listeners = {
        click: e => {
            const open = e.target.closest("[data-open]");
            const menu = e.target.closest("[data-menu]");
            const card = cardOf(e.target);
            if (!card || !(open || menu)) return;
            // Ctrl/⌘/middle click keeps the link's own behaviour: the lead page in a new tab.
            if (open && (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0)) return;
            e.preventDefault();
            board.invokeMethodAsync(open ? "Open" : "Menu", card.dataset.lead);
        },
        dragstart: e => {
            const card = cardOf(e.target);
            if (!card) return;
            dragged = { lead: card.dataset.lead, from: zoneOf(card)?.dataset.zone };
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", card.dataset.lead);
            card.classList.add("dragging");
        },
        dragover: e => {
            const zone = zoneOf(e.target);
            if (!dragged || !zone) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = "move";
            highlight(zone);
        },
        dragleave: e => {
            if (over && !over.contains(e.relatedTarget)) highlight(null);
        },
        drop: e => {
            const zone = zoneOf(e.target);
            if (!dragged || !zone) return;
            e.preventDefault();
            if (zone.dataset.zone !== dragged.from) board.invokeMethodAsync("Drop", dragged.lead, zone.dataset.zone);
            highlight(null);
        },
        dragend: e => {
            cardOf(e.target)?.classList.remove("dragging");
            highlight(null);
            dragged = null;
        },
    };
    for (const [name, listener] of Object.entries(listeners)) root.addEventListener(name, listener);
    root._boardListeners = listeners;
}

// Draws one column: each card is [id, version, name, mobile, amount, intent, owner, days, next, overdue, customer, application, applicationStatus].
export function fill(root, stageId, cards) {
    const zone = root.querySelector(`[data-zone="${stageId}"]`);
    if (zone) zone.replaceChildren(...cards.map(card => draw(card, root._boardTexts)));
}

function draw([id, version, name, mobile, amount, intent, owner, days, next, overdue, customer, application, applicationStatus], texts) {
    const card = element("div", "board-card", { draggable: "true", "data-testid": "board-card", "data-lead": id, "data-version": version });
    const top = element("div", "board-card-top");
    top.append(element("a", "board-card-name", { href: `/leads/${id}`, "data-open": "", "data-testid": "board-card-name" }, name));
    if (intent) top.append(element("span", `board-intent intent-${intent.toLowerCase()}`, {}, intent));
    top.append(element("button", "board-card-menu", { type: "button", "data-menu": "", "aria-label": texts.moveTo, title: texts.moveTo, "data-testid": "board-card-menu" }, "⋮"));
    const line = element("div", "board-card-line");
    line.append(element("span", "", {}, mobile));
    if (amount) line.append(element("span", "board-card-amount", {}, amount));
    const meta = element("div", "board-card-line board-card-meta");
    meta.append(element("span", "board-avatar", { title: owner ?? texts.noOwner }, owner ? owner[0] : "?"), element("span", "", {}, days));
    if (next) meta.append(element("span", overdue ? "board-card-next overdue" : "board-card-next", {}, next));
    if (customer) meta.append(element("span", "board-customer", {}, customer));
    card.append(top, line, meta);
    if (application) card.append(element("span", `board-application app-${applicationStatus.toLowerCase()}`, { "data-testid": "board-card-application", "data-status": applicationStatus }, application));
    return card;
}

function element(tag, className, attributes = {}, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
}

export function detach(root) {
    for (const [name, listener] of Object.entries(root?._boardListeners ?? {})) root.removeEventListener(name, listener);
    if (root) delete root._boardListeners;
    if (root) delete root._boardTexts;
}
