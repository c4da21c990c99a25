using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace BizSuite.Plugins.RobotNotifier;

/// <summary>A message for a group: a title and markdown lines (each line stays a line in both robots' markdown).</summary>
public sealed record RobotText(string Title, IReadOnlyList<string> Lines);

internal sealed record SendResult(bool Ok, string Response);

/// <summary>Posts markdown to a WeCom or DingTalk group robot webhook and reads their <c>errcode</c> verdict.</summary>
internal sealed class RobotClient(IHttpClientFactory http, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string HttpClientName = "robot-notifier";
    private readonly IDataProtector _protector = protection.CreateProtector("BizSuite.Plugins.RobotNotifier.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public async Task<SendResult> SendAsync(Robot robot, RobotText text, CancellationToken ct)
    {
        var url = robot.EncryptedSecret is null ? robot.WebhookUrl : SignedUrl(robot.WebhookUrl, _protector.Unprotect(robot.EncryptedSecret), clock.GetUtcNow());
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(url, Payload(robot.Kind, text), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var ok = response.IsSuccessStatusCode && ErrCode(body) == 0;
            return new SendResult(ok, $"{(int)response.StatusCode} {body}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new SendResult(false, ex.Message);
        }
    }

    /// <summary>WeCom's markdown breaks on a newline; DingTalk's needs an empty line between paragraphs.</summary>
    public static object Payload(RobotKind kind, RobotText text) => kind switch
    {
        RobotKind.WeCom => new { msgtype = "markdown", markdown = new { content = $"### {text.Title}\n" + string.Join('\n', text.Lines) } },
        _ => new { msgtype = "markdown", markdown = new { title = text.Title, text = $"### {text.Title}\n\n" + string.Join("\n\n", text.Lines) } },
    };

    /// <summary>DingTalk's signed webhooks: base64(HMAC-SHA256(key: secret, "{timestamp}\n{secret}")) with the timestamp in milliseconds.</summary>
    public static string SignedUrl(string webhookUrl, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        return $"{webhookUrl}{(webhookUrl.Contains('?') ? '&' : '?')}timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}";
    }

    /// <summary>Both robots answer HTTP 200 with <c>{"errcode":0,"errmsg":"ok"}</c>; anything else is a failure.</summary>
    private static int ErrCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value) ? value : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}
