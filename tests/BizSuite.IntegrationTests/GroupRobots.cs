using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BizSuite.IntegrationTests;

/// <summary>
/// A local stand-in for WeCom's and DingTalk's group robot webhooks, answering as they do: <c>{"errcode":0}</c> when
/// accepted, DingTalk's <c>310000</c> when the signature does not match its secret, and HTTP 500 for a key told to be down.
/// </summary>
public sealed class GroupRobots : IAsyncDisposable
{
    private WebApplication _app = null!;

    public ConcurrentQueue<RobotPost> Posts { get; } = new();

    /// <summary>DingTalk access token → the signing secret it expects; a token not listed must come unsigned.</summary>
    public ConcurrentDictionary<string, string> DingTalkSecrets { get; } = new();

    /// <summary>WeCom keys / DingTalk tokens that answer HTTP 500.</summary>
    public ConcurrentDictionary<string, bool> Down { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string WeComUrl(string key) => $"{BaseUrl}/cgi-bin/webhook/send?key={key}";

    public string DingTalkUrl(string token) => $"{BaseUrl}/robot/send?access_token={token}";

    public IEnumerable<RobotPost> To(string keyOrToken) => Posts.Where(p => p.Key == keyOrToken);

    public static async Task<GroupRobots> StartAsync()
    {
        var robots = new GroupRobots();
        (robots._app, robots.BaseUrl) = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/cgi-bin/webhook/send", (HttpRequest r) => robots.ReceiveAsync(r, "WeCom", r.Query["key"].ToString(), signatureValid: true));
            app.MapPost("/robot/send", (HttpRequest r) =>
            {
                var token = r.Query["access_token"].ToString();
                return robots.ReceiveAsync(r, "DingTalk", token, robots.SignatureValid(token, r.Query["timestamp"], r.Query["sign"]));
            });
        });
        return robots;
    }

    /// <summary>DingTalk's check: sign = base64(HMAC-SHA256(secret, "{timestamp}\n{secret}")), timestamp within an hour.</summary>
    private bool SignatureValid(string token, string? timestamp, string? sign)
    {
        if (!DingTalkSecrets.TryGetValue(token, out var secret)) return timestamp is null && sign is null;
        if (!long.TryParse(timestamp, out var ms) || sign is null) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) > 3_600_000) return false;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ms}\n{secret}")));
        return expected == sign;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request, string kind, string key, bool signatureValid)
    {
        using var reader = new StreamReader(request.Body);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
        Posts.Enqueue(new RobotPost(kind, key, body, signatureValid));
        if (Down.ContainsKey(key)) return Results.StatusCode(StatusCodes.Status500InternalServerError);
        return signatureValid
            ? Results.Json(new { errcode = 0, errmsg = "ok" })
            : Results.Json(new { errcode = 310000, errmsg = "sign not match" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>What a robot received; <see cref="Text"/> is the markdown (WeCom's content, DingTalk's text).</summary>
public sealed record RobotPost(string Kind, string Key, JsonElement Body, bool SignatureValid)
{
    public string MsgType => Body.GetProperty("msgtype").GetString()!;
    public string Text => Body.GetProperty("markdown").GetProperty(Kind == "WeCom" ? "content" : "text").GetString()!;
}
