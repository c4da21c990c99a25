using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>
/// A setting with its default and the rule its values must meet; <c>VisibleToTenants</c> settings may be
/// changed by a tenant admin. Its display name is the localization key <c>Setting:{Name}</c>. A secret
/// (a password) is stored encrypted and never shown again.
/// </summary>
public sealed record SettingDefinition(string Name, string DefaultValue, Func<string, bool> IsValid, bool VisibleToTenants = true, bool IsSecret = false);

public sealed class SettingDefinitionContext
{
    internal List<SettingDefinition> Definitions { get; } = [];

    public SettingDefinitionContext Add(string name, string defaultValue, Func<string, bool> isValid, bool visibleToTenants = true)
    {
        if (!isValid(defaultValue)) throw new InvalidOperationException($"The default of setting {name} breaks its own rule.");
        Definitions.Add(new SettingDefinition(name, defaultValue, isValid, visibleToTenants));
        return this;
    }

    public SettingDefinitionContext AddSecret(string name)
    {
        Definitions.Add(new SettingDefinition(name, "", v => v.Length <= 500, IsSecret: true));
        return this;
    }

    public SettingDefinitionContext AddInteger(string name, int defaultValue, int min, int max) =>
        Add(name, defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max);
}

public sealed class SettingDefinitions(IReadOnlyList<SettingDefinition> all)
{
    public IReadOnlyList<SettingDefinition> All { get; } = all;

    public SettingDefinition Get(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new InvalidOperationException($"Setting {name} is not defined.");
}

/// <summary>
/// Reads and writes settings: the tenant's value, else the host-wide value, else the default. Reads are
/// cached (<see cref="TenantCache"/>): nearly every business transaction reads a setting or two.
/// </summary>
public sealed class SettingStore(KernelDbContext db, ICurrentTenant currentTenant, SettingDefinitions definitions, IDataProtectionProvider protection,
    TenantCache cache, UnitOfWork unitOfWork)
{
    private const string CacheRegion = "settings";

    /// <summary>What the settings page shows for a secret that is set; sending it back leaves the secret unchanged.</summary>
    public const string SecretMask = "********";

    private readonly IDataProtector _protector = protection.CreateProtector("BizSuite.Kernel.Settings.v1");

    public async Task<string> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Get(name);
        var tenantId = currentTenant.Id;
        var stored = await cache.GetOrCreateAsync(CacheRegion, tenantId, name, async () =>
        {
            var values = await db.Settings.AsNoTracking()
                .Where(s => s.Name == name && (s.TenantId == null || s.TenantId == tenantId))
                .ToListAsync(cancellationToken);
            return (values.FirstOrDefault(v => v.TenantId == tenantId && tenantId != null)
                    ?? values.FirstOrDefault(v => v.TenantId == null))?.Value;
        });
        var value = stored ?? definition.DefaultValue;
        return definition.IsSecret && value.Length > 0 ? _protector.Unprotect(value) : value;
    }

    public async Task<int> GetIntAsync(string name, CancellationToken cancellationToken = default) =>
        int.Parse(await GetAsync(name, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sets the value for the current tenant (or host-wide on the host side).</summary>
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Get(name);
        if (definition.IsSecret && value == SecretMask) return;
        if (!definition.IsValid(value))
            throw new BusinessException(KernelErrors.InvalidSettingValue, Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, value) { Field = name };
        var tenantId = currentTenant.Id;
        if (definition.IsSecret && value.Length > 0) value = _protector.Protect(value);
        var record = await db.Settings.FirstOrDefaultAsync(s => s.Name == name && s.TenantId == tenantId, cancellationToken);
        if (record is null) db.Settings.Add(new SettingRecord { Name = name, TenantId = tenantId, Value = value });
        else record.Value = value;
        // A host-wide value is every tenant's fallback.
        if (tenantId is null) cache.InvalidateRegion(CacheRegion, unitOfWork);
        else cache.Invalidate(CacheRegion, tenantId, unitOfWork);
    }
}
