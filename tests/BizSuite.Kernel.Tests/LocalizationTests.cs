using System.Globalization;
using BizSuite.Kernel;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BizSuite.Kernel.Tests;

/// <summary>Every module's server texts exist in both languages, and the current UI culture picks them.</summary>
public sealed class LocalizationTests
{
    private static readonly JsonStringLocalizer Localizer = new(
        ModuleCatalog.Build([typeof(Saas.SaasModule), typeof(Identity.IdentityModule), typeof(Crm.CrmModule), typeof(Orders.OrdersModule), typeof(Finance.FinanceModule), typeof(Hr.HrModule), typeof(Oa.OaModule)]).Modules.Select(m => m.Assembly));

    [Fact]
    public void Chinese_and_English_have_the_same_keys()
    {
        var zh = Localizer.Texts("zh-CN").Keys.Order().ToList();
        var en = Localizer.Texts("en").Keys.Order().ToList();
        zh.Except(en).ShouldBeEmpty("keys only in zh-CN");
        en.Except(zh).ShouldBeEmpty("keys only in en");
        zh.Count.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Every_error_code_and_permission_has_a_text()
    {
        var codes = new[] { typeof(KernelErrors), typeof(FieldErrors), typeof(CustomFieldErrors), typeof(PlanGate), typeof(Identity.IdentityErrors), typeof(Saas.SaasErrors), typeof(Crm.CrmErrors), typeof(Crm.CrmPermissions), typeof(Orders.OrdersErrors), typeof(Orders.OrdersPermissions), typeof(Finance.FinanceErrors), typeof(Finance.FinancePermissions), typeof(Identity.IdentityPermissions), typeof(Saas.SaasPermissions), typeof(KernelPermissions), typeof(Hr.HrErrors), typeof(Hr.LeaveErrors), typeof(Hr.ExpenseErrors), typeof(Hr.HrPermissions), typeof(Oa.OaErrors), typeof(Oa.OaPermissions) }
            .SelectMany(t => t.GetFields()).Select(f => (string)f.GetValue(null)!)
            .Select(code => code.Contains(':') ? code : "Permission:" + code);
        foreach (var code in codes) Localizer.Texts("en").ShouldContainKey(code);
    }

    [Fact]
    public void The_ui_culture_picks_the_language_and_fills_placeholders()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Localizer["Kernel:TenantNotFound", "acme"].Value.ShouldBe("租户“acme”不存在。");
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Localizer["Kernel:TenantNotFound", "acme"].Value.ShouldBe("Tenant \"acme\" was not found.");
            Localizer["No:Such:Key"].ResourceNotFound.ShouldBeTrue();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// A validation message names a field by the validator's module's text, else the kernel's, else the one text all modules
    /// that define it agree on. A field no module names would show its property name ("'Q' must not be empty"); one that only
    /// other modules name differently would borrow a wrong word (the host admin's "reason" was Purchasing's 请购原因).
    /// </summary>
    [Fact]
    public async Task Every_validated_field_has_one_name_in_the_validators_module()
    {
        await using var host = await FullHost.BuildAsync();
        var problems = new List<string>();
        var checkedFields = 0;
        foreach (var module in host.Modules)
        foreach (var type in module.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }))
        foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
        foreach (var field in host.Validator(contract).CreateDescriptor().GetMembersWithValidators().Where(g => !string.IsNullOrEmpty(g.Key)).Select(g => g.Key.Split('.')[^1]).Distinct())
        foreach (var culture in JsonStringLocalizer.Cultures)
        {
            checkedFields++;
            var key = "Field:" + field;
            if (host.Texts.TextsOf(module, culture).ContainsKey(key) || host.Texts.TextsOf(typeof(KernelModule).Assembly, culture).ContainsKey(key)) continue;
            var elsewhere = host.Modules.Select(m => host.Texts.TextsOf(m, culture).GetValueOrDefault(key)).OfType<string>().Distinct().ToList();
            if (elsewhere.Count != 1)
                problems.Add($"{type.Name}.{field} ({culture}): {(elsewhere.Count == 0 ? "no text" : string.Join(" / ", elsewhere))}");
        }
        checkedFields.ShouldBeGreaterThan(200);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_field_is_named_as_its_own_module_says_when_modules_differ()
    {
        await using var host = await FullHost.BuildAsync();
        host.Modules.Select(m => host.Texts.TextsOf(m, "zh-CN").GetValueOrDefault("Field:Reason")).OfType<string>().ShouldContain("请购原因", "Purchasing's word");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var validator = host.Validator(typeof(IValidator<Identity.Impersonations.StartImpersonationRequest>));
            var result = await FieldNames.ValidateAsync(validator, new ValidationContext<Identity.Impersonations.StartImpersonationRequest>(new(Guid.NewGuid(), null, "short")),
                host.Texts, CancellationToken.None);
            var message = result.Errors.Single(e => e.PropertyName == "Reason").ErrorMessage;
            message.ShouldStartWith("'原因'");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Export_headers_are_named_as_the_rows_module_says()
    {
        await using var host = await FullHost.BuildAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            host.Texts.Texts("zh-CN")["Field:Reason"].ShouldBe("请购原因", "the merged table holds Purchasing's word (Purchasing comes after Inventory)");
            var document = new Inventory.StockDocumentDto(Guid.NewGuid(), "RK0001", default, Guid.NewGuid(), new DateOnly(2026, 12, 3), "盘盈", 10m);
            var excel = ExcelExport.ToExcel(typeof(Inventory.StockDocumentDto), new[] { document }, host.Texts);
            var headers = ((IDictionary<string, object>)MiniExcelLibs.MiniExcel.Query(new MemoryStream(excel), useHeaderRow: true).First()).Keys;
            headers.ShouldContain("原因", "Inventory's word for Reason");
            headers.ShouldNotContain("请购原因");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The host's modules, texts and validators, built without a database (nothing here opens a connection).</summary>
    private sealed class FullHost(WebApplication app, IServiceScope scope, IReadOnlyList<System.Reflection.Assembly> modules) : IAsyncDisposable
    {
        public IReadOnlyList<System.Reflection.Assembly> Modules => modules;
        public JsonStringLocalizer Texts { get; } = app.Services.GetRequiredService<JsonStringLocalizer>();
        public IValidator Validator(Type contract) => (IValidator)scope.ServiceProvider.GetRequiredService(contract);

        public static Task<FullHost> BuildAsync()
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
            builder.Configuration["ConnectionStrings:Default"] = "Server=127.0.0.1;Database=field_names";
            var catalog = builder.AddBizSuite(Host.HostModules.Roots);
            var app = builder.Build();
            return Task.FromResult(new FullHost(app, app.Services.CreateScope(), catalog.Modules.Select(m => m.Assembly).Distinct().ToList()));
        }

        public async ValueTask DisposeAsync()
        {
            scope.Dispose();
            await app.DisposeAsync();
        }
    }
}
