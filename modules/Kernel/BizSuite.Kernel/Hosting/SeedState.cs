using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace BizSuite.Kernel;

/// <summary>The fingerprint of the code whose seeding and search backfill last completed on this database (<c>kernel_seed_state</c>).</summary>
public sealed class SeedState
{
    public const string Key = "start";
    public string Name { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public DateTime CompletedAt { get; set; }
}

/// <summary>
/// What seeding and the search backfill depend on: the code of the kernel, the modules and the plugins (each assembly's
/// deterministic build id changes with its code: editions, default roles, searchable kinds, <see cref="SearchText.Version"/>)
/// and the permission definitions new tenant-admin grants come from. A restart of the same build on a database they
/// completed on skips both with one query instead of building the Saas, Identity, kernel and every searchable module's
/// EF model. New tenants are seeded by their creation's event, not here.
/// </summary>
internal static class SeedFingerprint
{
    public static string Of(IServiceProvider services)
    {
        var assemblies = services.GetRequiredService<ModuleCatalog>().Modules.Select(m => m.Assembly)
            .Append(typeof(SeedFingerprint).Assembly).Distinct()
            .Select(a => $"{a.GetName().Name} {a.ManifestModule.ModuleVersionId}");
        var permissions = services.GetRequiredService<PermissionDefinitions>().All
            .Select(p => $"{p.Name} {p.Side} {p.ForMembers}");
        var text = string.Join('\n', assemblies.Order(StringComparer.Ordinal).Concat(permissions.Order(StringComparer.Ordinal)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static async Task<bool> IsCurrentAsync(MySqlConnection connection, string fingerprint, CancellationToken ct)
    {
        await using var read = new MySqlCommand("SELECT Fingerprint FROM kernel_seed_state WHERE Name = @name", connection);
        read.Parameters.AddWithValue("@name", SeedState.Key);
        return await read.ExecuteScalarAsync(ct) as string == fingerprint;
    }

    /// <summary>Written last, after seeding and backfill committed: a start that stops half-way seeds again.</summary>
    public static async Task SaveAsync(MySqlConnection connection, string fingerprint, CancellationToken ct)
    {
        await using var write = new MySqlCommand("""
            INSERT INTO kernel_seed_state (Name, Fingerprint, CompletedAt) VALUES (@name, @fingerprint, UTC_TIMESTAMP(6))
            ON DUPLICATE KEY UPDATE Fingerprint = VALUES(Fingerprint), CompletedAt = VALUES(CompletedAt)
            """, connection);
        write.Parameters.AddWithValue("@name", SeedState.Key);
        write.Parameters.AddWithValue("@fingerprint", fingerprint);
        await write.ExecuteNonQueryAsync(ct);
    }
}
