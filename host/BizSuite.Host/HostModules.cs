using BizSuite.Automation;
using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Hr;
using BizSuite.Identity;
using BizSuite.Insights;
using BizSuite.Inventory;
using BizSuite.Oa;
using BizSuite.Orders;
using BizSuite.Purchasing;
using BizSuite.Saas;
using BizSuite.Webhooks;

namespace BizSuite.Host;

/// <summary>The modules this host runs (their dependencies come along); the architecture tests check the same list.</summary>
public static class HostModules
{
    public static readonly Type[] Roots = [typeof(SaasModule), typeof(IdentityModule), typeof(CrmModule), typeof(OrdersModule), typeof(FinanceModule), typeof(HrModule), typeof(OaModule), typeof(WebhooksModule),
        typeof(InventoryModule), typeof(PurchasingModule), typeof(InsightsModule), typeof(AutomationModule)];
}
