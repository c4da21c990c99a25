using System.Diagnostics;
using System.Text;

namespace BizSuite.Webhooks.Deliveries;

/// <summary>POSTs a delivery's body, signed, and reports what happened as an attempt; it never throws for the receiver's failures.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<DeliveryAttempt> SendAsync(string url, string secret, Delivery delivery, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-BizSuite-Event", delivery.EventType);
        request.Headers.Add("X-BizSuite-Delivery", delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, now.ToUnixTimeSeconds(), delivery.Payload));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var body = await ReadExcerptAsync(response.Content, ct);
            return new DeliveryAttempt(0, now.UtcDateTime, (int)response.StatusCode, null, Elapsed(watch), body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var error = ex is TaskCanceledException ? $"No answer within {Timeout.TotalSeconds:0} s." : ex.Message;
            return new DeliveryAttempt(0, now.UtcDateTime, null, Truncate(error, 500), Elapsed(watch), null);
        }
    }

    /// <summary>Enough of the answer to tell what went wrong, without storing whatever a receiver sends.</summary>
    private static async Task<string?> ReadExcerptAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[DeliveryAttempt.ResponseExcerptLength];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
