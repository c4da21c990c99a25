using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

public sealed class KernelOptions
{
    public string ConnectionString { get; set; } = "";
    /// <summary>With <c>bizsuite.example</c>, a request to <c>acme.bizsuite.example</c> is tenant <c>acme</c>.</summary>
    public string? TenantBaseDomain { get; set; }
    public int MaxEventRounds { get; set; } = 10;
    public ServerVersion ServerVersion { get; set; } = KernelDatabase.ServerVersion;
}
