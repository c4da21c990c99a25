using System.Security.Cryptography;
using System.Text;

namespace BizSuite.Webhooks;

/// <summary>
/// <c>X-BizSuite-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;" keyed with the subscription secret&gt;</c>,
/// Stripe's scheme: the timestamp inside the signed text lets a receiver refuse old replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-BizSuite-Signature";

    /// <summary>A new 256-bit signing secret, marked so it is recognised when pasted somewhere it should not be.</summary>
    public static string NewSecret() => "whsec_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, long unixSeconds, string body) =>
        $"t={unixSeconds},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}")))}";

    /// <summary>
    /// Where signed business data may be sent: absolute https; plain http only to this machine (a receiver under development or in
    /// tests), since anything else would send it in clear over the network.
    /// </summary>
    public static bool IsAllowedUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 &&
        (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
