using System.Security.Cryptography;
using System.Text;

namespace BizSuite.Webhooks.Deliveries;

/// <summary>
/// <c>X-BizSuite-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;" keyed with the subscription secret&gt;</c>,
/// Stripe's scheme: the timestamp inside the signed text lets a receiver refuse old replays.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-BizSuite-Signature";

    public static string Sign(string secret, long unixSeconds, string body) =>
        $"t={unixSeconds},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}")))}";
}
