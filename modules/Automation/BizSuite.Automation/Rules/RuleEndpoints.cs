using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Automation.Rules;

internal static class RuleEndpoints
{
    public static void MapRuleEndpoints(this IEndpointRouteBuilder api)
    {
        var automation = api.MapGroup("/automation").WithTags("Automation").RequirePermission(AutomationPermissions.Manage);
        automation.MapGet("/event-types", ListAutomationEventTypes);

        var rules = automation.MapGroup("/rules");
        rules.MapGet("/", ListRules);
        rules.MapGet("/{id:guid}", GetRule);
        rules.MapPost("/", CreateRule);
        rules.MapPut("/{id:guid}", UpdateRule);
        rules.MapPost("/{id:guid}/enabled", SetRuleEnabled);
        rules.MapDelete("/{id:guid}", DeleteRule);
        rules.MapGet("/{id:guid}/secret", GetRuleSecret);
        rules.MapPost("/test", TestRule);
    }

    public static Ok<IReadOnlyList<AutomationEventTypeDto>> ListAutomationEventTypes() => TypedResults.Ok(EventSamples.All);

    public static async Task<Ok<IReadOnlyList<RuleDto>>> ListRules(RuleAppService rules, CancellationToken ct) => TypedResults.Ok(await rules.GetListAsync(ct));

    public static async Task<Ok<RuleDto>> GetRule(RuleAppService rules, Guid id, CancellationToken ct) => TypedResults.Ok(await rules.GetAsync(id, ct));

    public static async Task<Created<RuleDto>> CreateRule(RuleAppService rules, SaveRuleRequest request, CancellationToken ct)
    {
        var rule = await rules.CreateAsync(request, ct);
        return TypedResults.Created($"/api/automation/rules/{rule.Id}", rule);
    }

    public static async Task<Ok<RuleDto>> UpdateRule(RuleAppService rules, Guid id, SaveRuleRequest request, CancellationToken ct) =>
        TypedResults.Ok(await rules.UpdateAsync(id, request, ct));

    public static async Task<Ok<RuleDto>> SetRuleEnabled(RuleAppService rules, Guid id, SetRuleEnabledRequest request, CancellationToken ct) =>
        TypedResults.Ok(await rules.SetEnabledAsync(id, request.IsEnabled, ct));

    public static async Task<NoContent> DeleteRule(RuleAppService rules, Guid id, CancellationToken ct)
    {
        await rules.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The secret the rule's webhook calls are signed with, for the receiver to check them.</summary>
    public static async Task<Ok<RuleSecretDto>> GetRuleSecret(RuleAppService rules, Guid id, CancellationToken ct) => TypedResults.Ok(await rules.GetSecretAsync(id, ct));

    /// <summary>What the rule would do with a sample payload, without doing anything.</summary>
    public static async Task<Ok<RuleTestResultDto>> TestRule(RuleAppService rules, TestRuleRequest request, CancellationToken ct) =>
        TypedResults.Ok(await rules.TestAsync(request, ct));
}
