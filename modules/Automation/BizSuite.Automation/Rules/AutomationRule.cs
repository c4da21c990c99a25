using BizSuite.Kernel;
using BizSuite.Webhooks;

namespace BizSuite.Automation.Rules;

/// <summary>
/// "When &lt;event&gt; [if &lt;conditions&gt;] then &lt;actions&gt;" (自动化规则), or, when blocking, "refuse the action with this message".
/// Conditions and actions are value lists kept as JSON: they are always read and written whole, with the rule.
/// </summary>
[Audited]
internal sealed class AutomationRule : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsEnabled { get; private set; }
    public string EventType { get; private set; } = "";
    public ConditionMatch Match { get; private set; }
    public IReadOnlyList<RuleCondition> Conditions { get; private set; } = [];
    public IReadOnlyList<RuleAction> Actions { get; private set; } = [];
    public bool IsBlocking { get; private set; }
    public string? BlockingMessage { get; private set; }
    /// <summary>Signs the rule's webhook calls; encrypted at rest, as a webhook subscription's.</summary>
    public string EncryptedSecret { get; private set; } = "";

    private AutomationRule() { }

    public static AutomationRule Create(SaveRuleRequest request, Func<string, string> protect)
    {
        var rule = new AutomationRule
        {
            EncryptedSecret = protect(WebhookSignature.NewSecret()),
        };
        rule.Update(request);
        return rule;
    }

    public void Update(SaveRuleRequest request)
    {
        Name = request.Name.Trim();
        IsEnabled = request.IsEnabled;
        EventType = request.EventType;
        Match = request.Match;
        Conditions = request.Conditions.Select(c => c with { Field = c.Field.Trim() }).ToList();
        // A blocking rule refuses the action: nothing else would happen, so it keeps no actions.
        IsBlocking = request.IsBlocking;
        Actions = request.IsBlocking ? [] : request.Actions.ToList();
        BlockingMessage = request.IsBlocking ? request.BlockingMessage?.Trim() : null;
    }

    public void Enable(bool isEnabled) => IsEnabled = isEnabled;
}
