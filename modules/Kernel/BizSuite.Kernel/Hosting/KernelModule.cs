using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

public static class KernelPermissions
{
    public const string Settings = "Kernel.Settings";
    public const string AuditLogs = "Kernel.AuditLogs";
    public const string DocumentChains = "Kernel.DocumentChains";
    public const string CustomFields = "Kernel.CustomFields";
}

/// <summary>A module loaded from the plugins folder.</summary>
public sealed record PluginDto(string Name, string Version, string Description);

public sealed record SettingDto(string Name, string DisplayName, string Value, string DefaultValue, bool IsSecret);

public static class KernelSettings
{
    public const string DefaultLanguage = "Kernel.DefaultLanguage";
    public const string TimeZone = "Kernel.TimeZone";
    public const string Currency = "Kernel.Currency";
}

/// <summary>The kernel as a module: its tables, permissions, settings, and the settings/audit endpoints.</summary>
public sealed class KernelModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<KernelDbContext>();
        context.Services.AddScoped<DocumentChain>();
        context.Services.AddScoped<AuditAppService>();
        context.Services.AddScoped<SettingAppService>();
        context.Services.AddScoped<CustomFieldAppService>();
        context.Services.AddScoped<ICustomFields>(sp => sp.GetRequiredService<CustomFieldAppService>());
        context.Services.AddScoped<EventJournalReader>();
        context.Services.AddScoped<GlobalSearch>();
        context.Services.AddScoped<ITimelineSource, JournalTimelineSource>();
        context.Services.AddScoped<EmailSender>();
        context.Services.AddScoped<CompanyProfiles>();
        context.Services.AddSingleton(DocumentRenderer.Create(context.Configuration.GetSection("Documents").Get<DocumentOptions>() ?? new DocumentOptions()));
    }

    public override void DefinePermissions(PermissionDefinitionContext context)
    {
        context.AddGroup("Kernel", TenancySide.Both).Add(KernelPermissions.Settings).Add(KernelPermissions.AuditLogs).Add(KernelPermissions.DocumentChains);
        context.AddGroup("Kernel").Add(KernelPermissions.CustomFields);
    }

    public override void DefineSettings(SettingDefinitionContext context)
    {
        context
            .Add(KernelSettings.DefaultLanguage, "zh-CN", JsonStringLocalizer.Cultures.Contains)
            .Add(KernelSettings.TimeZone, "Asia/Shanghai", zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .Add(KernelSettings.Currency, "CNY", code => code.Length == 3 && code.All(char.IsAsciiLetterUpper));
        EmailSettings.Define(context);
        CompanyProfile.Define(context);
    }

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapSettingEndpoints();
        api.MapCustomFieldEndpoints();
        api.MapPluginEndpoints();
        api.MapAuditEndpoints();
        api.MapSearchEndpoints();
    }
}
