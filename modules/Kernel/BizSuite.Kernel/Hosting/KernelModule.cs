using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

public static class KernelPermissions
{
    public const string Settings = "Kernel.Settings";
    public const string AuditLogs = "Kernel.AuditLogs";
    public const string DocumentChains = "Kernel.DocumentChains";
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
        context.Services.AddScoped<EventJournalReader>();
        context.Services.AddScoped<EmailSender>();
        context.Services.AddScoped<CompanyProfiles>();
        context.Services.AddSingleton(DocumentRenderer.Create(context.Configuration.GetSection("Documents").Get<DocumentOptions>() ?? new DocumentOptions()));
    }

    public override void DefinePermissions(PermissionDefinitionContext context) =>
        context.AddGroup("Kernel", TenancySide.Both).Add(KernelPermissions.Settings).Add(KernelPermissions.AuditLogs).Add(KernelPermissions.DocumentChains);

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
        var settings = api.MapGroup("/settings").WithTags("Settings").RequirePermission(KernelPermissions.Settings);
        settings.MapGet("/", async (SettingDefinitions definitions, SettingStore store, IStringLocalizer localizer, CancellationToken ct) =>
        {
            var values = new List<SettingDto>();
            foreach (var d in definitions.All.Where(d => d.VisibleToTenants))
            {
                var value = await store.GetAsync(d.Name, ct);
                values.Add(new SettingDto(d.Name, localizer["Setting:" + d.Name], d.IsSecret && value.Length > 0 ? SettingStore.SecretMask : value, d.DefaultValue, d.IsSecret));
            }
            return values;
        });
        settings.MapPut("/", async (Dictionary<string, string> values, SettingDefinitions definitions, SettingStore store, CancellationToken ct) =>
        {
            foreach (var (name, value) in values)
            {
                if (!definitions.All.Any(d => d.Name == name && d.VisibleToTenants))
                    throw new BusinessException(KernelErrors.UnknownSetting, StatusCodes.Status400BadRequest, name) { Field = name };
                await store.SetAsync(name, value, ct);
            }
            return Results.NoContent();
        });

        // Any signed-in user: the app shows a plugin's pages only when the plugin is loaded.
        api.MapGet("/plugins", (ModuleCatalog catalog, IStringLocalizer localizer) => catalog.Plugins.Select(p => new PluginDto(
                p.Name, p.Assembly.GetName().Version?.ToString(3) ?? "", localizer["Plugin:" + p.Name] is { ResourceNotFound: false } text ? text.Value : "")))
            .WithTags("Plugins").RequireAuthorization();

        var audit = api.MapGroup("/audit").WithTags("Audit").RequirePermission(KernelPermissions.AuditLogs);
        audit.MapGet("/events", async (KernelDbContext db, ICurrentTenant tenant, string? correlationId, Guid? aggregateId, [AsParameters] PageRequest page, CancellationToken ct) =>
        {
            var query = db.EventJournal.AsNoTracking().Where(e => e.TenantId == tenant.Id);
            if (correlationId is not null) query = query.Where(e => e.CorrelationId == correlationId);
            if (aggregateId is not null) query = query.Where(e => e.AggregateId == aggregateId);
            return new PagedResult<EventJournalEntry>(
                await query.OrderBy(e => e.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct),
                await query.LongCountAsync(ct));
        }).WithExcelExport();
        api.MapGet("/audit/document-chain/{documentId:guid}", (DocumentChain chain, Guid documentId, CancellationToken ct) => chain.ForAsync(documentId, ct))
            .WithTags("Audit").RequirePermission(KernelPermissions.DocumentChains);
        audit.MapGet("/entity-changes", async (KernelDbContext db, ICurrentTenant tenant, string? entityType, string? entityId, [AsParameters] PageRequest page, CancellationToken ct) =>
        {
            var query = db.EntityChanges.AsNoTracking().Where(e => e.TenantId == tenant.Id);
            if (entityType is not null) query = query.Where(e => e.EntityType == entityType);
            if (entityId is not null) query = query.Where(e => e.EntityId == entityId);
            return new PagedResult<EntityChangeRecord>(
                await query.OrderByDescending(e => e.ChangedAt).Skip(page.Skip).Take(page.Take).ToListAsync(ct),
                await query.LongCountAsync(ct));
        }).WithExcelExport();
    }
}
