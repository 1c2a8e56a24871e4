namespace LoanSaaS.Domain.Assignment;

/// <summary>
/// Picks the member each lead of a batch goes to under one rule: pure, so strategies and fairness are tested without a
/// database. Round robin and weighted turns are positions <c>cursor, cursor + 1, …</c> (the caller reserves them
/// atomically, so two nodes never hand out the same turn); members away or at their holding cap are skipped, and a
/// lead nobody can take is left for the next rule.
/// </summary>
public sealed class AssignmentPicker
{
    private readonly AssignmentStrategy _strategy;
    private readonly List<AssignmentCandidate> _members;
    private readonly Dictionary<string, int> _load;
    private readonly int? _holdingCap;
    private readonly IReadOnlyList<AssignmentCandidate> _cycle;
    private long _position;

    /// <param name="holdingCap">Open leads a member may hold at most; null for no cap.</param>
    /// <param name="cursor">The first turn reserved for this batch.</param>
    public AssignmentPicker(AssignmentStrategy strategy, IEnumerable<AssignmentCandidate> candidates, int? holdingCap, long cursor)
    {
        _strategy = strategy;
        _members = candidates.Where(c => c.Available).OrderBy(c => c.UserId, StringComparer.Ordinal).ToList();
        _load = _members.ToDictionary(c => c.UserId, c => c.OpenLeads);
        _holdingCap = holdingCap;
        _cycle = strategy == AssignmentStrategy.Weighted ? WeightedCycle(_members) : _members;
        _position = cursor;
    }

    /// <summary>Turns used so far (the caller reserved at least this many).</summary>
    public long Used { get; private set; }

    /// <summary>The member for one lead, or null when every member is away or full.</summary>
    public string? Pick(string? city)
    {
        var open = _members.Where(HasRoom).ToList();
        if (open.Count == 0) return null;
        AssignmentCandidate chosen;
        switch (_strategy)
        {
            case AssignmentStrategy.LeastLoaded:
                chosen = open.OrderBy(c => _load[c.UserId]).ThenBy(c => c.UserId, StringComparer.Ordinal).First();
                break;
            case AssignmentStrategy.ByRegion:
                var local = city is null ? [] : open.Where(c => c.Region is { Length: > 0 } r && (city.Contains(r, StringComparison.Ordinal) || r.Contains(city, StringComparison.Ordinal))).ToList();
                chosen = Turn(local.Count > 0 ? local : open);
                break;
            case AssignmentStrategy.Weighted:
                chosen = NextInCycle(open);
                break;
            default:
                chosen = Turn(open);
                break;
        }
        _load[chosen.UserId]++;
        return chosen.UserId;
    }

    private bool HasRoom(AssignmentCandidate c) => _holdingCap is not { } cap || _load[c.UserId] < cap;

    private AssignmentCandidate Turn(IReadOnlyList<AssignmentCandidate> among)
    {
        var chosen = among[(int)(_position % among.Count)];
        _position++;
        Used++;
        return chosen;
    }

    /// <summary>The next member of the weighted cycle who has room (full members' turns pass to the next).</summary>
    private AssignmentCandidate NextInCycle(IReadOnlyList<AssignmentCandidate> open)
    {
        for (var i = 0; i < _cycle.Count; i++)
        {
            var candidate = _cycle[(int)(_position % _cycle.Count)];
            _position++;
            Used++;
            if (open.Contains(candidate)) return candidate;
        }
        return open[0];
    }

    /// <summary>Smooth weighted round robin: weights 3:1 give A B A A, not A A A B, so a small batch is spread too.</summary>
    public static IReadOnlyList<AssignmentCandidate> WeightedCycle(IReadOnlyList<AssignmentCandidate> members)
    {
        var weights = members.Select(m => Math.Clamp(m.Weight, 1, AssignmentRule.MaxWeight)).ToArray();
        var total = weights.Sum();
        var current = new int[members.Count];
        var cycle = new List<AssignmentCandidate>(total);
        for (var n = 0; n < total; n++)
        {
            var best = 0;
            for (var i = 0; i < members.Count; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best]) best = i;
            }
            current[best] -= total;
            cycle.Add(members[best]);
        }
        return cycle;
    }
}
