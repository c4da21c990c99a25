using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizSuite.IntegrationTests;

/// <summary>
/// A local stand-in for api.stripe.com, reached by the real Stripe.net client: it creates Checkout
/// Sessions in payment or subscription mode (answering a repeated idempotency key with the first response,
/// as Stripe does) and billing portal sessions, and keeps every request for the tests to inspect.
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
        (fake._app, fake.BaseUrl) = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/v1/checkout/sessions", fake.CreateSessionAsync);
            app.MapPost("/v1/billing_portal/sessions", fake.CreatePortalSessionAsync);
        });
        return fake;
    }

    private async Task<IResult> CreateSessionAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        var key = request.Headers["Idempotency-Key"].ToString();
        Requests.Enqueue(new FakeStripeRequest(request.Path, request.Headers.Authorization.ToString(), key, form));
        object NewSession()
        {
            var id = "cs_test_" + Guid.NewGuid().ToString("N");
            var mode = form.GetValueOrDefault("mode") ?? "payment";
            var session = new Dictionary<string, object?>
            {
                ["id"] = id,
                ["object"] = "checkout.session",
                ["mode"] = mode,
                ["status"] = "open",
                ["payment_status"] = "unpaid",
                ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
                ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
                ["customer"] = form.GetValueOrDefault("customer"),
                ["metadata"] = form.Where(f => f.Key.StartsWith("metadata[")).ToDictionary(f => f.Key[9..^1], f => f.Value),
            };
            if (mode == "payment")
            {
                session["currency"] = form["line_items[0][price_data][currency]"];
                session["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"]);
            }
            return session;
        }
        // Without an idempotency key every request is a new session, as at Stripe.
        return Results.Json(key.Length == 0 ? NewSession() : _byIdempotencyKey.GetOrAdd(key, _ => NewSession()));
    }

    private async Task<IResult> CreatePortalSessionAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        Requests.Enqueue(new FakeStripeRequest(request.Path, request.Headers.Authorization.ToString(), request.Headers["Idempotency-Key"].ToString(), form));
        var id = "bps_test_" + Guid.NewGuid().ToString("N");
        return Results.Json(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "billing_portal.session",
            ["customer"] = form["customer"],
            ["return_url"] = form.GetValueOrDefault("return_url"),
            ["url"] = $"https://billing.stripe.test/p/session/{id}",
        });
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

    /// <summary>An event of the platform's Stripe Billing, created at <paramref name="created"/> (Stripe orders events by it).</summary>
    public static string BillingEvent(string eventId, string type, DateTimeOffset created, Dictionary<string, object?> dataObject) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = created.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new Dictionary<string, object> { ["object"] = dataObject },
        });

    /// <summary>A subscription as <c>customer.subscription.*</c> events carry it: one item with its price and period end.</summary>
    public static Dictionary<string, object?> Subscription(string id, string customer, string tenantId, string priceId, string status, DateTimeOffset periodEnd) => new()
    {
        ["id"] = id,
        ["object"] = "subscription",
        ["customer"] = customer,
        ["status"] = status,
        ["metadata"] = new Dictionary<string, string> { ["tenant_id"] = tenantId },
        ["items"] = new Dictionary<string, object>
        {
            ["object"] = "list",
            ["data"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = "si_" + id,
                    ["object"] = "subscription_item",
                    ["current_period_end"] = periodEnd.ToUnixTimeSeconds(),
                    ["price"] = new Dictionary<string, object> { ["id"] = priceId, ["object"] = "price" },
                },
            },
        },
    };

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
