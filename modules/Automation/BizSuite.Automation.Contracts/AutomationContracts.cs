using System.Text.Json;

namespace BizSuite.Automation;

public static class AutomationPermissions
{
    /// <summary>Design rules, switch them on and off, read and export their run log.</summary>
    public const string Manage = "Automation.Manage";
}

public static class AutomationSettings
{
    /// <summary>At most this many rule runs per tenant per minute; further runs are logged as rate-limited and do nothing.</summary>
    public const string MaxRunsPerMinute = "Automation.MaxRunsPerMinute";
}

public static class AutomationErrors
{
    /// <summary>A blocking rule refused the business action; the message is the one the admin wrote.</summary>
    public const string Blocked = "Automation:Blocked";
    public const string NoOwner = "Automation:NoOwner";
    public const string NoRecipients = "Automation:NoRecipients";
}

/// <summary>How a rule's conditions combine: all must hold, or any one.</summary>
public enum ConditionMatch { All, Any }

public enum ConditionOperator { Equals, NotEquals, GreaterThan, GreaterOrEqual, LessThan, LessOrEqual, Contains, IsEmpty }

/// <summary>
/// What a rule does. Custom-field and custom-form actions ("set a custom field", "start an approval with a form") come as new
/// members with their executor in the Automation module.
/// </summary>
public enum RuleActionType { CreateTask, Notify, CallWebhook, SetCustomField }

/// <summary>Who gets a task or a notification: a named user, everyone in a role, or the document's owner when the payload names one.</summary>
public enum RecipientKind { User, Role, Owner }

public enum RuleRunResult { Succeeded, Failed, Blocked, RateLimited, RecursionLimited }

/// <summary>
/// A condition on the event's public payload. <see cref="Field"/> is a camelCase path into it (<c>grossTotal</c>, <c>customer.name</c>;
/// custom fields will be <c>customFields.level</c>); the value is compared as a number when both sides are numbers, else as text.
/// </summary>
public sealed record RuleCondition(string Field, ConditionOperator Operator, string? Value);

/// <summary>
/// One action, flat so the editor is one row per action. Texts (title, message) may hold <c>{field}</c> placeholders filled from
/// the payload. A task is due <see cref="DueInDays"/> days after the event.
/// </summary>
/// <param name="EntityType">For <see cref="RuleActionType.SetCustomField"/>: the kind of record (<c>crm.customer</c>) the payload names by its id field.</param>
/// <param name="FieldValue">The value as text, <c>{field}</c> placeholders filled; JSON (numbers, true, lists) is taken as JSON.</param>
public sealed record RuleAction(RuleActionType Type, RecipientKind? Recipient = null, Guid? UserId = null, string? Role = null, string? Title = null,
    string? Message = null, int? DueInDays = null, string? Url = null, string? EntityType = null, string? FieldKey = null, string? FieldValue = null);

public sealed record SaveRuleRequest(string Name, bool IsEnabled, string EventType, ConditionMatch Match, IReadOnlyList<RuleCondition> Conditions,
    IReadOnlyList<RuleAction> Actions, bool IsBlocking = false, string? BlockingMessage = null);

public sealed record RuleDto(Guid Id, string Name, bool IsEnabled, string EventType, ConditionMatch Match, IReadOnlyList<RuleCondition> Conditions,
    IReadOnlyList<RuleAction> Actions, bool IsBlocking, string? BlockingMessage, DateTime CreatedAt);

/// <summary>The signing secret of a rule's webhook calls (<c>X-BizSuite-Signature</c>, as outbound webhooks): shown on demand to the admin.</summary>
public sealed record RuleSecretDto(string Secret);

public sealed record SetRuleEnabledRequest(bool IsEnabled);

/// <summary>
/// A trigger: a public event's name, the fields of its payload (dotted paths), a sample payload to test rules with, and where the
/// payload carries custom-field values (whose fields the tenant defines, so the editor lists them as <c>&lt;path&gt;.&lt;key&gt;</c>).
/// </summary>
public sealed record AutomationEventTypeDto(string Name, IReadOnlyList<string> Fields, JsonElement Sample, IReadOnlyList<EventCustomFieldsDto> CustomFields);

/// <summary>A payload object of custom-field values (<c>customer.customFields</c>) and the kind of record (<c>crm.customer</c>) that defines them.</summary>
public sealed record EventCustomFieldsDto(string Path, string EntityType);

public sealed record TestRuleRequest(SaveRuleRequest Rule, JsonElement Sample);

public sealed record ConditionOutcomeDto(string Field, ConditionOperator Operator, string? Value, string? Actual, bool Matched);

/// <summary>What an action would do: to whom (names), the filled-in text, the due date, the URL; or why it would fail.</summary>
public sealed record ActionPreviewDto(RuleActionType Type, IReadOnlyList<string> Recipients, string? Text, DateOnly? DueOn, string? Url, string? Error);

/// <summary>What the rule would do with the sample, without doing it: the conditions' outcomes, then the actions or the refusal.</summary>
public sealed record RuleTestResultDto(bool Matched, IReadOnlyList<ConditionOutcomeDto> Conditions, IReadOnlyList<ActionPreviewDto> Actions, string? Blocks);

public sealed record RuleRunDto(Guid Id, Guid RuleId, string RuleName, string EventType, Guid? EventId, RuleRunResult Result, string? Error,
    int DurationMs, DateTime StartedAt);

/// <summary>What another part of the suite (the demo seeder) may ask of Automation.</summary>
public interface IRuleAppService
{
    Task<RuleDto> CreateAsync(SaveRuleRequest request, CancellationToken cancellationToken);
}
