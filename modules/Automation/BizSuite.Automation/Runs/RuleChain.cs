namespace BizSuite.Automation.Runs;

/// <summary>
/// The recursion guard. Events raised while a rule's actions run have that run's event as their cause; following causes back within
/// the unit of work, a rule that already ran <see cref="MaxDepth"/> times on the chain behind an event does not run again.
/// </summary>
internal sealed class RuleChain
{
    public const int MaxDepth = 3;

    private readonly Dictionary<Guid, (Guid? Cause, List<Guid> Rules)> _events = [];

    /// <summary>Records that <paramref name="ruleId"/> runs on the event, unless it would run deeper than allowed.</summary>
    public bool TryEnter(Guid ruleId, Guid? eventId, Guid? causationId)
    {
        var depth = 0;
        for (var cause = causationId; cause is { } id && _events.TryGetValue(id, out var behind); cause = behind.Cause)
            depth += behind.Rules.Count(r => r == ruleId);
        if (depth >= MaxDepth) return false;
        if (eventId is { } current)
        {
            if (!_events.TryGetValue(current, out var node)) _events[current] = node = (causationId, []);
            node.Rules.Add(ruleId);
        }
        return true;
    }
}
