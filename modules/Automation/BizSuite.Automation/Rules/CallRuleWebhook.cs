using System.Text;
using System.Text.Json;
using BizSuite.Automation.Data;
using BizSuite.Kernel;
using BizSuite.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Automation.Rules;

/// <summary>Calls a rule's webhook URL with the event, after the business change committed.</summary>
public sealed record CallRuleWebhook(Guid RuleId, string Url, string EventType, Guid EventId, string Payload, DateTime OccurredAt);

/// <summary>
/// POSTs the event's envelope (as outbound webhooks send it) signed with the rule's secret; a failure throws so the job store
/// retries with backoff and parks the job after its last try.
/// </summary>
internal sealed class CallRuleWebhookJob(AutomationDbContext db, RuleSecrets secrets, IHttpClientFactory clients, ICurrentTenant currentTenant, TimeProvider clock)
    : IBackgroundJob<CallRuleWebhook>
{
    public const string ClientName = "automation";

    public async Task ExecuteAsync(CallRuleWebhook args, CancellationToken ct)
    {
        // A rule deleted since keeps nothing to sign with: the call is dropped.
        if (await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == args.RuleId, ct) is not { } rule) return;
        var type = PublicEvents.Find(args.EventType);
        var body = PublicEvents.Envelope(args.EventId, args.EventType, type?.Version ?? 1, currentTenant.Id!.Value, args.OccurredAt,
            JsonDocument.Parse(args.Payload).RootElement);
        using var request = new HttpRequestMessage(HttpMethod.Post, args.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-BizSuite-Event", args.EventType);
        request.Headers.Add("X-BizSuite-Rule", rule.Id.ToString());
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secrets.Reveal(rule), clock.GetUtcNow().ToUnixTimeSeconds(), body));
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>Rule secrets are encrypted at rest with Data Protection and decrypted only to sign or to show the admin.</summary>
internal sealed class RuleSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("BizSuite.Automation.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Reveal(AutomationRule rule) => _protector.Unprotect(rule.EncryptedSecret);
}
