using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

public sealed class KernelOptions
{
    public string ConnectionString { get; set; } = "";
    /// <summary>
    /// <c>ConnectionStrings:ReadOnly</c>: a read replica (or a user allowed only SELECT) that reads without a transaction
    /// (GET endpoints) use; writes and transactional reads never do. Null: everything on the primary.
    /// </summary>
    public string? ReadOnlyConnectionString { get; set; }
    /// <summary>How long a user's reads stay on the primary after their write (<c>Database:ReadYourWritesSeconds</c>).</summary>
    public TimeSpan ReadYourWritesWindow { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>With <c>bizsuite.example</c>, a request to <c>acme.bizsuite.example</c> is tenant <c>acme</c>.</summary>
    public string? TenantBaseDomain { get; set; }
    public int MaxEventRounds { get; set; } = 10;
    public ServerVersion ServerVersion { get; set; } = KernelDatabase.ServerVersion;
}
