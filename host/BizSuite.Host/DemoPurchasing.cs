using BizSuite.Identity;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Purchasing;
using BizSuite.Saas;

namespace BizSuite.Host;

/// <summary>
/// The demo tenant's purchasing: three suppliers, purchase requests approved by the requester's department head, the manager
/// as buyer (who may also receive), the warehouse keeper receiving goods, finance entering supplier bills, and two orders
/// (one draft, one confirmed) to look at.
/// </summary>
internal sealed class DemoPurchasing(ISupplierAppService suppliers, IPurchaseOrderAppService orders, IApprovalFlowAppService approvalFlows,
    IRoleAppService roles, ICurrentTenant currentTenant)
{
    /// <summary>Two commits: the orders check their supplier against what is saved.</summary>
    public static async Task RunAsync(IServiceProvider services, TenantDto tenant, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<UnitOfWorkRunner>();
        await runner.RunAsync((sp, ct) => ActivatorUtilities.CreateInstance<DemoPurchasing>(sp).CreateSuppliersAsync(tenant, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => ActivatorUtilities.CreateInstance<DemoPurchasing>(sp).SetUpAsync(tenant, ct), cancellationToken);
    }

    private async Task CreateSuppliersAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        await suppliers.CreateAsync(new SaveSupplierRequest("杭州精工五金有限公司", "91330100MA2H00001P", null, "工商银行杭州城西支行",
            "1202 0260 0900 1234 567", "陈经理", "0571-87650001", "sales@jinggong.example", 30,
            CustomFields: DemoCustomFields.Value(DemoCustomFields.GradeKey, "A")), ct);
        await suppliers.CreateAsync(new SaveSupplierRequest("上海云算科技有限公司", "91310000MA1K00002C", null, "招商银行上海张江支行",
            "1219 0888 0010 001", "周经理", "021-50800002", "orders@yunsuan.example", 45,
            CustomFields: DemoCustomFields.Value(DemoCustomFields.GradeKey, "B")), ct);
        await suppliers.CreateAsync(new SaveSupplierRequest("苏州文具贸易有限公司", null, null, null, null, "吴女士", "0512-66000003", null, 15,
            CustomFields: DemoCustomFields.Value(DemoCustomFields.GradeKey, "C")), ct);
    }

    private async Task SetUpAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var all = (await suppliers.GetListAsync(new PageRequest(Take: 100), null, null, null, ct)).Items.ToDictionary(s => s.CreditCode ?? s.Name);
        var hardware = all["91330100MA2H00001P"];
        var servers = all["91310000MA1K00002C"];

        await approvalFlows.CreateAsync(new SaveApprovalFlowRequest(ApprovalDocumentTypes.PurchaseRequest, "请购审批 Purchase request approval",
            [new SaveApprovalStepRequest(ApproverRule.DepartmentHead, null, null, StepCondition.Always, null)]), ct);

        await orders.CreateAsync(new SavePurchaseOrderRequest(hardware.Id, new DateOnly(2026, 12, 28),
            [new SavePurchaseOrderLine(null, "机柜导轨 Rack rails", 10m, 180m, 0.13m), new SavePurchaseOrderLine(null, "M6 螺丝套装 M6 screw kit", 50m, 12.5m, 0.13m)]), ct);
        var confirmed = await orders.CreateAsync(new SavePurchaseOrderRequest(servers.Id, new DateOnly(2026, 12, 20),
            [new SavePurchaseOrderLine(null, "机架式服务器 Rack server", 2m, 18000m, 0.13m)]), ct);
        await orders.ConfirmAsync(confirmed.Id, ct);

        var roleList = (await roles.GetListAsync(new PageRequest(), ct)).Items;
        await GrantAsync(roleList.Single(r => r.Name == "manager").Id, [PurchasingPermissions.Suppliers, PurchasingPermissions.SuppliersManage,
            PurchasingPermissions.RequestsAll, PurchasingPermissions.Orders, PurchasingPermissions.OrdersManage, PurchasingPermissions.Receipts,
            InventoryPermissions.Warehouses], ct);
        await GrantAsync(roleList.Single(r => r.Name == "warehouse").Id, [PurchasingPermissions.Orders, PurchasingPermissions.Receipts], ct);
        await GrantAsync(roleList.Single(r => r.Name == "finance").Id, [PurchasingPermissions.Suppliers, PurchasingPermissions.Orders, PurchasingPermissions.Bills,
            PurchasingPermissions.BillsManage, PurchasingPermissions.BillsOverride], ct);
    }

    private async Task GrantAsync(Guid roleId, string[] permissions, CancellationToken ct)
    {
        var granted = (await roles.GetPermissionsAsync(roleId, ct)).Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name);
        await roles.UpdatePermissionsAsync(roleId, new UpdateRolePermissionsRequest(granted.Concat(permissions).Distinct().ToList()), ct);
    }
}
