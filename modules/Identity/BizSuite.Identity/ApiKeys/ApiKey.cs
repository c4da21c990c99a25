using System.Security.Cryptography;
using BizSuite.Identity.Account;
using BizSuite.Kernel;
using Microsoft.IdentityModel.Tokens;

namespace BizSuite.Identity.ApiKeys;

/// <summary>
/// A key another system sends in <c>X-Api-Key</c>. It acts as the user who created it, limited to its permissions,
/// in its tenant. Only the SHA-256 of the key is stored: a key is a 256-bit random secret, so the hash is its lookup.
/// </summary>
internal sealed class ApiKey : AggregateRoot, IMultiTenant
{
    public const string Marker = "bsk_";

    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    /// <summary>Permission names, comma-separated (names never contain commas).</summary>
    public string Permissions { get; private set; } = "";
    public DateTime? RevokedAt { get; private set; }

    private ApiKey() { }

    /// <summary>The creator is stamped on insert (CreatedBy): the key acts as them.</summary>
    public static (ApiKey ApiKey, string Key) Create(string name, IEnumerable<string> permissions)
    {
        var key = Marker + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var apiKey = new ApiKey
        {
            Name = name.Trim(),
            Prefix = key[..(Marker.Length + 6)],
            KeyHash = TokenIssuer.Hash(key),
            Permissions = string.Join(',', permissions.Distinct().Order()),
        };
        return (apiKey, key);
    }

    public IReadOnlyList<string> PermissionList => Permissions.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
