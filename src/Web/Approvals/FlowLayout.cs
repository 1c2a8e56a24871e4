using LoanSaaS.Domain.Approvals;

namespace LoanSaaS.Web.Approvals;

/// <summary>
/// Places a flow's nodes for the SVG diagram, top to bottom: a node's row is its longest path from Start (edges that
/// close a loop are left out), nodes of a row side by side in the order they were met; unreachable nodes go last.
/// </summary>
public sealed class FlowLayout
{
    public const double NodeWidth = 132;
    public const double NodeHeight = 44;
    public const double ColumnGap = 28;
    public const double RowGap = 58;
    public const double Margin = 16;

    /// <summary>Room on each side for edges that skip rows (they go around the nodes in between).</summary>
    public const double Side = 56;

    public sealed record Box(string Id, double X, double Y, int Row)
    {
        public double CenterX => X + NodeWidth / 2;
        public double Bottom => Y + NodeHeight;
    }

    /// <param name="IsBack">The edge goes to a row above or the same row (a loop), drawn around the side.</param>
    public sealed record Line(EdgeDraft Edge, string Path, double LabelX, double LabelY, bool IsBack)
    {
        public string Anchor { get; init; } = "middle";
    }

    public IReadOnlyDictionary<string, Box> Boxes { get; }
    public IReadOnlyList<Line> Lines { get; }
    public double Width { get; }
    public double Height { get; }

    public FlowLayout(FlowDraft flow)
    {
        var rows = Rows(flow);
        var byRow = flow.Nodes.GroupBy(n => rows[n.Id]).OrderBy(g => g.Key).ToList();
        var widest = byRow.Count == 0 ? 1 : byRow.Max(g => g.Count());
        Width = Side * 2 + widest * NodeWidth + (widest - 1) * ColumnGap;
        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        foreach (var row in byRow)
        {
            var count = row.Count();
            var rowWidth = count * NodeWidth + (count - 1) * ColumnGap;
            var left = (Width - rowWidth) / 2;
            var i = 0;
            foreach (var node in row)
            {
                boxes[node.Id] = new Box(node.Id, left + i++ * (NodeWidth + ColumnGap), Margin + row.Key * (NodeHeight + RowGap), row.Key);
            }
        }

        Boxes = boxes;
        Height = Margin * 2 + (byRow.Count == 0 ? 0 : byRow[^1].Key + 1) * (NodeHeight + RowGap) - RowGap;
        var skips = 0;
        Lines = flow.Edges.Where(e => boxes.ContainsKey(e.From) && boxes.ContainsKey(e.To))
            .Select(e => Draw(e, boxes[e.From], boxes[e.To], e.OnRejected || boxes[e.To].Row <= boxes[e.From].Row || boxes[e.To].Row == boxes[e.From].Row + 1 ? 0 : skips++))
            .ToList();
    }

    private Line Draw(EdgeDraft edge, Box from, Box to, int stagger)
    {
        if (to.Row > from.Row + 1)
        {
            // Skipping rows: around the nodes in between, rejections on the right, other edges on the left.
            var sign = edge.OnRejected ? 1 : -1;
            var x0 = from.CenterX + sign * NodeWidth / 2;
            var y0 = from.Y + NodeHeight / 2;
            var outer = from.CenterX + sign * (NodeWidth / 2 + 18 + (edge.OnRejected ? 0 : stagger % 3 * 10));
            var (x2, y2) = (to.CenterX + sign * NodeWidth / 4, to.Y);
            var detour = FormattableString.Invariant(
                $"M {x0:0.#} {y0:0.#} C {outer:0.#} {y0:0.#}, {outer:0.#} {y0:0.#}, {outer:0.#} {y0 + 30:0.#} L {outer:0.#} {y2 - 34:0.#} C {outer:0.#} {y2 - 10:0.#}, {x2:0.#} {y2 - 14:0.#}, {x2:0.#} {y2 - 2:0.#}");
            // The label sits in the gap above the target, beside the detour, clear of the nodes it passes.
            return edge.OnRejected
                ? new Line(edge, detour, outer, (y0 + y2) / 2, false)
                : new Line(edge, detour, outer + 5, y2 - 16, false) { Anchor = "start" };
        }

        if (to.Row > from.Row)
        {
            var (x1, y1, x2, y2) = (from.CenterX, from.Bottom, to.CenterX, to.Y);
            var mid = (y1 + y2) / 2;
            var path = FormattableString.Invariant($"M {x1:0.#} {y1:0.#} C {x1:0.#} {mid:0.#}, {x2:0.#} {mid:0.#}, {x2:0.#} {y2 - 2:0.#}");
            // A label sits near the target so labels of edges leaving one node do not overlap.
            return new Line(edge, path, x1 + (x2 - x1) * 0.7, y1 + (y2 - y1) * 0.62, false);
        }

        // Loops go around the right side of the diagram.
        var side = Width - 14;
        var back = FormattableString.Invariant(
            $"M {from.X + NodeWidth:0.#} {from.Y + NodeHeight / 2:0.#} C {side:0.#} {from.Y + NodeHeight / 2:0.#}, {side:0.#} {to.Y + NodeHeight / 2:0.#}, {to.X + NodeWidth + 2:0.#} {to.Y + NodeHeight / 2:0.#}");
        return new Line(edge, back, side - 8, (from.Y + to.Y) / 2 + NodeHeight / 2, true);
    }

    private static Dictionary<string, int> Rows(FlowDraft flow)
    {
        var next = flow.Edges.ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);
        var ids = flow.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        // Depth-first from Start: an edge to a node still on the stack closes a loop and is left out; the rest is a DAG.
        var order = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = on the stack, true = done
        var dag = new List<(string From, string To)>();
        void Visit(string id)
        {
            state[id] = false;
            foreach (var to in next[id].Where(ids.Contains))
            {
                if (!state.TryGetValue(to, out var done)) { dag.Add((id, to)); Visit(to); }
                else if (done) dag.Add((id, to));
            }

            state[id] = true;
            order.Add(id);
        }

        foreach (var start in flow.Nodes.Where(n => n.Kind == ApprovalNodeKind.Start)) if (!state.ContainsKey(start.Id)) Visit(start.Id);
        order.Reverse();
        var rows = order.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var incoming = dag.ToLookup(e => e.To, e => e.From, StringComparer.Ordinal);
        foreach (var id in order)
        {
            rows[id] = incoming[id].Select(f => rows[f] + 1).DefaultIfEmpty(0).Max();
        }

        var last = rows.Count == 0 ? -1 : rows.Values.Max();
        foreach (var orphan in flow.Nodes.Where(n => !rows.ContainsKey(n.Id))) rows[orphan.Id] = last + 1;
        return rows;
    }
}
