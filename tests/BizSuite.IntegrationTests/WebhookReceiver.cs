using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizSuite.IntegrationTests;

/// <summary>
/// A partner's webhook endpoint on 127.0.0.1: keeps every request and answers with the queued status codes (then 200).
/// It checks signatures the way the README tells partners to, knowing nothing of BizSuite's code.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Status codes for the next requests, in order; once empty the receiver answers 200.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        (receiver._app, var baseUrl) = await LocalServer.StartAsync(app => app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            receiver.Received.Enqueue(new ReceivedWebhook(request.Headers["X-BizSuite-Event"].ToString(), request.Headers["X-BizSuite-Delivery"].ToString(),
                request.Headers["X-BizSuite-Signature"].ToString(), request.ContentType ?? "", await reader.ReadToEndAsync()));
            var status = receiver.Answers.TryDequeue(out var queued) ? queued : 200;
            return Results.Text(status == 200 ? "ok" : "boom", statusCode: status);
        }));
        receiver.Url = baseUrl + "/hooks";
        return receiver;
    }

    /// <summary>
    /// The partner's check: split <c>t=…,v1=…</c>, refuse a timestamp older than the tolerance, recompute HMAC-SHA256 over
    /// <c>"{t}.{body}"</c> with the secret and compare in constant time.
    /// </summary>
    public static bool Verify(string secret, string signatureHeader, string body, DateTimeOffset now, int toleranceSeconds = 300)
    {
        var parts = signatureHeader.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        if (!long.TryParse(parts["t"].FirstOrDefault(), out var t) || Math.Abs(now.ToUnixTimeSeconds() - t) > toleranceSeconds) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return parts["v1"].Any(v => v.Length == 64 && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedWebhook(string Event, string DeliveryId, string Signature, string ContentType, string Body)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement.Clone();
}
