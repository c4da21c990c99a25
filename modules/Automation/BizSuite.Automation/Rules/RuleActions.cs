using System.Text.Json;
using System.Text.Json.Nodes;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa;

namespace BizSuite.Automation.Rules;

/// <summary>The event a rule runs on: its public name, its journal id, its payload and when it happened.</summary>
internal sealed record RuleEvent(string Type, Guid? Id, JsonElement Payload, DateTime OccurredAt);

/// <summary>
/// One kind of action. Running happens inside the business transaction (isolated by the caller); previewing only reads.
/// A new kind of action (set a custom field, start an approval with a form) is one more implementation, registered in the module.
/// </summary>
internal interface IRuleActionExecutor
{
    RuleActionType Type { get; }

    Task RunAsync(AutomationRule rule, RuleAction action, RuleEvent e, CancellationToken ct);

    Task<ActionPreviewDto> PreviewAsync(RuleAction action, RuleEvent e, CancellationToken ct);
}

/// <summary>Who a task or a notification goes to: a named user, the active users in a role, or the owner named in the payload.</summary>
internal sealed class Recipients(IUserDirectory users)
{
    public async Task<IReadOnlyList<Guid>> ResolveAsync(RuleAction action, JsonElement payload, CancellationToken ct)
    {
        IReadOnlyList<Guid> found = action.Recipient switch
        {
            RecipientKind.User => action.UserId is { } id ? [id] : [],
            RecipientKind.Role => await users.FindUsersInRoleAsync(action.Role ?? "", ct),
            RecipientKind.Owner => Payload.OwnerFields.Select(f => Payload.Text(Payload.Find(payload, f))).Select(t => Guid.TryParse(t, out var g) ? g : (Guid?)null)
                .FirstOrDefault(g => g is not null) is { } owner ? [owner] : throw new BusinessException(AutomationErrors.NoOwner),
            _ => [],
        };
        return found.Count > 0 ? found : throw new BusinessException(AutomationErrors.NoRecipients);
    }

    public async Task<IReadOnlyList<string>> NamesAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        (await users.FindAsync(ids, ct)).Select(u => u.Name).ToList();
}

internal sealed class CreateTaskAction(ITaskService tasks, Recipients recipients) : IRuleActionExecutor
{
    public RuleActionType Type => RuleActionType.CreateTask;

    public async Task RunAsync(AutomationRule rule, RuleAction action, RuleEvent e, CancellationToken ct)
    {
        var (title, dueOn) = Describe(action, e);
        foreach (var userId in await recipients.ResolveAsync(action, e.Payload, ct))
            await tasks.AssignAsync(new TaskRequest(title, Payload.Fill(action.Message ?? "", e.Payload), userId, dueOn), ct);
    }

    public async Task<ActionPreviewDto> PreviewAsync(RuleAction action, RuleEvent e, CancellationToken ct)
    {
        var (title, dueOn) = Describe(action, e);
        return new ActionPreviewDto(Type, await recipients.NamesAsync(await recipients.ResolveAsync(action, e.Payload, ct), ct), title, dueOn, null, null);
    }

    private static (string Title, DateOnly? DueOn) Describe(RuleAction action, RuleEvent e) =>
        (Payload.Fill(action.Title ?? "", e.Payload), action.DueInDays is { } days ? DateOnly.FromDateTime(e.OccurredAt).AddDays(days) : null);
}

internal sealed class NotifyAction(INotificationService notifications, Recipients recipients) : IRuleActionExecutor
{
    public RuleActionType Type => RuleActionType.Notify;

    public async Task RunAsync(AutomationRule rule, RuleAction action, RuleEvent e, CancellationToken ct) =>
        await notifications.NotifyAsync(new NotificationRequest(await recipients.ResolveAsync(action, e.Payload, ct), Payload.Fill(action.Message ?? "", e.Payload), null), ct);

    public async Task<ActionPreviewDto> PreviewAsync(RuleAction action, RuleEvent e, CancellationToken ct) =>
        new(Type, await recipients.NamesAsync(await recipients.ResolveAsync(action, e.Payload, ct), ct), Payload.Fill(action.Message ?? "", e.Payload), null, null, null);
}

/// <summary>Writes the call to the job store (the outbox): the URL is called only after the business change commits, and retried.</summary>
internal sealed class CallWebhookAction(JobQueue jobs) : IRuleActionExecutor
{
    public RuleActionType Type => RuleActionType.CallWebhook;

    public Task RunAsync(AutomationRule rule, RuleAction action, RuleEvent e, CancellationToken ct)
    {
        jobs.Enqueue(new CallRuleWebhook(rule.Id, action.Url!, e.Type, e.Id ?? Guid.CreateVersion7(), e.Payload.GetRawText(), e.OccurredAt));
        return Task.CompletedTask;
    }

    public Task<ActionPreviewDto> PreviewAsync(RuleAction action, RuleEvent e, CancellationToken ct) =>
        Task.FromResult(new ActionPreviewDto(Type, [], null, null, action.Url, null));
}

/// <summary>Sets a custom field on the record the event is about, checked like a save; a bad value fails the run, not the business change.</summary>
internal sealed class SetCustomFieldAction(ICustomFields customFields) : IRuleActionExecutor
{
    public RuleActionType Type => RuleActionType.SetCustomField;

    public Task RunAsync(AutomationRule rule, RuleAction action, RuleEvent e, CancellationToken ct) =>
        customFields.SetValueAsync(action.EntityType!, e.Payload, action.FieldKey!, Value(action, e), ct);

    public Task<ActionPreviewDto> PreviewAsync(RuleAction action, RuleEvent e, CancellationToken ct) =>
        Task.FromResult(new ActionPreviewDto(Type, [], $"{action.EntityType}.{action.FieldKey} = {Value(action, e)?.ToJsonString() ?? "null"}", null, null, null));

    private static JsonNode? Value(RuleAction action, RuleEvent e)
    {
        var text = Payload.Fill(action.FieldValue ?? "", e.Payload);
        if (text.Length == 0) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }
}
