using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizSuite.IntegrationTests;

/// <summary>
/// A local stand-in for api.stripe.com, reached by the real Stripe.net client: it creates Checkout
/// Sessions (answering a repeated idempotency key with the first response, as Stripe does) and keeps
/// every request for the tests to inspect.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, object> _byIdempotencyKey = new();
    private WebApplication _app = null!;

    public ConcurrentQueue<FakeStripeRequest> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeStripe> StartAsync()
    {
        var fake = new FakeStripe();
        (fake._app, fake.BaseUrl) = await LocalServer.StartAsync(app => app.MapPost("/v1/checkout/sessions", fake.CreateSessionAsync));
        return fake;
    }

    private async Task<IResult> CreateSessionAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        var key = request.Headers["Idempotency-Key"].ToString();
        Requests.Enqueue(new FakeStripeRequest(request.Path, request.Headers.Authorization.ToString(), key, form));
        var session = _byIdempotencyKey.GetOrAdd(key, _ =>
        {
            var id = "cs_test_" + Guid.NewGuid().ToString("N");
            return new Dictionary<string, object?>
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["mode"] = "payment",
                ["status"] = "open",
                ["payment_status"] = "unpaid",
                ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
                ["currency"] = form["line_items[0][price_data][currency]"],
                ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"]),
                ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                ["metadata"] = form.Where(f => f.Key.StartsWith("metadata[")).ToDictionary(f => f.Key[9..^1], f => f.Value),
            };
        });
        return Results.Json(session);
    }

    /// <summary>A <c>checkout.session.completed</c> event as Stripe sends it when the customer has paid.</summary>
    public static string CompletedEvent(string eventId, string sessionId, long amountTotal, string tenantId, string invoiceId) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["type"] = "checkout.session.completed",
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new Dictionary<string, object>
            {
                ["object"] = new Dictionary<string, object>
                {
                    ["id"] = sessionId,
                    ["object"] = "checkout.session",
                    ["mode"] = "payment",
                    ["status"] = "complete",
                    ["payment_status"] = "paid",
                    ["amount_total"] = amountTotal,
                    ["currency"] = "cny",
                    ["payment_intent"] = "pi_" + Guid.NewGuid().ToString("N"),
                    ["metadata"] = new Dictionary<string, string> { ["tenant_id"] = tenantId, ["invoice_id"] = invoiceId },
                },
            },
        });

    /// <summary>The <c>Stripe-Signature</c> header: <c>t={unix},v1=hex(HMAC-SHA256(secret, "{t}.{payload}"))</c>.</summary>
    public static string Sign(string payload, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hash)}";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record FakeStripeRequest(string Path, string Authorization, string IdempotencyKey, IReadOnlyDictionary<string, string> Form);
