using System.Globalization;
using BizSuite.Kernel;
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
        var codes = new[] { typeof(KernelErrors), typeof(FieldErrors), typeof(PlanGate), typeof(Identity.IdentityErrors), typeof(Saas.SaasErrors), typeof(Crm.CrmErrors), typeof(Crm.CrmPermissions), typeof(Orders.OrdersErrors), typeof(Orders.OrdersPermissions), typeof(Finance.FinanceErrors), typeof(Finance.FinancePermissions), typeof(Identity.IdentityPermissions), typeof(Saas.SaasPermissions), typeof(KernelPermissions), typeof(Hr.HrErrors), typeof(Hr.LeaveErrors), typeof(Hr.ExpenseErrors), typeof(Hr.HrPermissions), typeof(Oa.OaErrors), typeof(Oa.OaPermissions) }
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
}
