using BizSuite.Automation.Data;
using BizSuite.Kernel;
using BizSuite.Webhooks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Automation.Rules;

internal sealed class RuleAppService(AutomationDbContext db, RuleSecrets secrets, IEnumerable<IRuleActionExecutor> executors, TimeProvider clock) : IRuleAppService
{
    public async Task<IReadOnlyList<RuleDto>> GetListAsync(CancellationToken ct) =>
        (await db.Rules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct)).Select(r => r.ToDto()).ToList();

    public async Task<RuleDto> GetAsync(Guid id, CancellationToken ct) => (await LoadAsync(id, ct)).ToDto();

    public Task<RuleDto> CreateAsync(SaveRuleRequest request, CancellationToken ct)
    {
        var rule = AutomationRule.Create(request, secrets.Protect);
        db.Rules.Add(rule);
        return Task.FromResult(rule.ToDto());
    }

    public async Task<RuleDto> UpdateAsync(Guid id, SaveRuleRequest request, CancellationToken ct)
    {
        var rule = await LoadAsync(id, ct);
        rule.Update(request);
        return rule.ToDto();
    }

    public async Task<RuleDto> SetEnabledAsync(Guid id, bool isEnabled, CancellationToken ct)
    {
        var rule = await LoadAsync(id, ct);
        rule.Enable(isEnabled);
        return rule.ToDto();
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct) => db.Rules.Remove(await LoadAsync(id, ct));

    public async Task<RuleSecretDto> GetSecretAsync(Guid id, CancellationToken ct) => new(secrets.Reveal(await LoadAsync(id, ct)));

    /// <summary>
    /// Evaluates the rule, saved or not, on a sample payload and says what each action would do (to whom, with which text), doing
    /// nothing: an action that would fail says why.
    /// </summary>
    public async Task<RuleTestResultDto> TestAsync(TestRuleRequest request, CancellationToken ct)
    {
        var rule = request.Rule;
        var e = new RuleEvent(rule.EventType, null, request.Sample, clock.GetUtcNow().UtcDateTime);
        var outcomes = rule.Conditions.Select(c => Payload.Evaluate(c, request.Sample)).ToList();
        var matched = Payload.Matches(rule.Match, outcomes);
        if (!matched) return new RuleTestResultDto(false, outcomes, [], null);
        if (rule.IsBlocking) return new RuleTestResultDto(true, outcomes, [], rule.BlockingMessage);
        var previews = new List<ActionPreviewDto>();
        foreach (var action in rule.Actions)
        {
            try
            {
                previews.Add(await executors.Single(x => x.Type == action.Type).PreviewAsync(action, e, ct));
            }
            catch (BusinessException ex)
            {
                previews.Add(new ActionPreviewDto(action.Type, [], null, null, null, ex.Code));
            }
        }
        return new RuleTestResultDto(true, outcomes, previews, null);
    }

    private async Task<AutomationRule> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Rules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new EntityNotFoundException("AutomationRule", id);
}

internal sealed class SaveRuleRequestValidator : AbstractValidator<SaveRuleRequest>
{
    public SaveRuleRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.EventType).NotEmpty().Must(PublicEvents.IsKnown).WithMessage((_, t) => $"Unknown event type {t}.");
        RuleFor(r => r.Conditions).Cascade(CascadeMode.Stop).NotNull().Must(c => c.Count <= 20);
        RuleForEach(r => r.Conditions).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Field).NotEmpty().MaximumLength(100);
            c.RuleFor(x => x.Value).NotEmpty().MaximumLength(200).When(x => x.Operator != ConditionOperator.IsEmpty);
        });
        RuleFor(r => r.Actions).Cascade(CascadeMode.Stop).NotNull().Must(a => a.Count <= 10);
        RuleFor(r => r.Actions).NotEmpty().When(r => !r.IsBlocking);
        RuleForEach(r => r.Actions).NotNull().ChildRules(a =>
        {
            a.RuleFor(x => x.Recipient).NotNull().When(x => x.Type is RuleActionType.CreateTask or RuleActionType.Notify);
            a.RuleFor(x => x.UserId).NotEmpty().When(x => x.Recipient == RecipientKind.User && x.Type != RuleActionType.CallWebhook);
            a.RuleFor(x => x.Role).NotEmpty().MaximumLength(64).When(x => x.Recipient == RecipientKind.Role && x.Type != RuleActionType.CallWebhook);
            a.RuleFor(x => x.Title).NotEmpty().MaximumLength(200).When(x => x.Type == RuleActionType.CreateTask);
            a.RuleFor(x => x.Message).MaximumLength(500);
            a.RuleFor(x => x.Message).NotEmpty().When(x => x.Type == RuleActionType.Notify);
            a.RuleFor(x => x.DueInDays).InclusiveBetween(0, 365);
            a.RuleFor(x => x.Url).NotEmpty().MaximumLength(500).Must(WebhookSignature.IsAllowedUrl).When(x => x.Type == RuleActionType.CallWebhook);
            a.RuleFor(x => x.EntityType).NotEmpty().MaximumLength(40).When(x => x.Type == RuleActionType.SetCustomField);
            a.RuleFor(x => x.FieldKey).NotEmpty().MaximumLength(40).When(x => x.Type == RuleActionType.SetCustomField);
            a.RuleFor(x => x.FieldValue).MaximumLength(200);
        });
        RuleFor(r => r.BlockingMessage).NotEmpty().When(r => r.IsBlocking);
        RuleFor(r => r.BlockingMessage).MaximumLength(500);
    }

}


internal sealed class TestRuleRequestValidator : AbstractValidator<TestRuleRequest>
{
    public TestRuleRequestValidator()
    {
        RuleFor(r => r.Rule).NotNull().SetValidator(new SaveRuleRequestValidator());
        RuleFor(r => r.Sample).Must(s => s.ValueKind == System.Text.Json.JsonValueKind.Object).WithMessage("The sample must be a JSON object.");
    }
}
