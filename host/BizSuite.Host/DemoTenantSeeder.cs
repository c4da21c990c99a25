using BizSuite.Automation;
using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Hr;
using BizSuite.Identity;
using BizSuite.Insights;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Orders;
using BizSuite.Saas;

namespace BizSuite.Host;

/// <summary>
/// The demo tenant a new installation shows: tenant <c>demo</c> with an admin, a manager, a sales and a finance user,
/// a small catalogue of products and services to draft contracts from, and the users' departments as employees.
/// Goes through the modules' public services like any client; runs only when the tenant does not exist.
/// </summary>
internal sealed class DemoTenantSeeder(ITenantAppService tenants, IRoleAppService roles, IUserAppService users, IProductAppService products,
    IDepartmentAppService departments, IEmployeeAppService employees, IApprovalFlowAppService approvalFlows, ICurrentTenant currentTenant,
    SettingStore settings, IWarehouseAppService warehouses, IStockAppService stock, IRuleAppService automationRules, TimeProvider clock)
{
    public const string TenantName = "demo";
    public const string Password = "Demo123!";

    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // Separate commits: each step reads what the one before saved (the tenant, then its roles).
        var runner = services.GetRequiredService<UnitOfWorkRunner>();
        TenantDto? tenant = null;
        await runner.RunAsync(async (sp, ct) => tenant = await sp.GetRequiredService<DemoTenantSeeder>().CreateTenantAsync(ct), cancellationToken);
        if (tenant is null) return;
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().CreateRolesAsync(tenant, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().CreateUsersAsync(tenant, ct), cancellationToken);
        await DemoCustomFields.DefineRecordFieldsAsync(services, tenant, cancellationToken);
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().CreateProductsAsync(tenant, ct), cancellationToken);
        Guid warehouseId = default;
        await runner.RunAsync(async (sp, ct) => warehouseId = await sp.GetRequiredService<DemoTenantSeeder>().CreateWarehouseAsync(tenant, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().StockWarehouseAsync(tenant, warehouseId, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().CreateDepartmentsAsync(tenant, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().CreateEmployeesAsync(tenant, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().SetUpOfficeAsync(tenant, ct), cancellationToken);
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().SetUpCompanyProfileAsync(tenant, ct), cancellationToken);
        await DemoPurchasing.RunAsync(services, tenant, cancellationToken);
        await DemoForms.RunAsync(services, tenant, cancellationToken);
        if (services.GetRequiredService<IConfiguration>().GetValue("Seed:DemoData", true)) await DemoHistory.RunAsync(services, tenant, warehouseId, cancellationToken);
        await DemoCustomFields.RunAsync(services, tenant, cancellationToken);
        // After the history, so the example rule acts on what users do next rather than on the seeded past.
        await runner.RunAsync((sp, ct) => sp.GetRequiredService<DemoTenantSeeder>().CreateAutomationRuleAsync(tenant, ct), cancellationToken);
    }

    private async Task<TenantDto?> CreateTenantAsync(CancellationToken ct)
    {
        if (await tenants.FindByNameAsync(TenantName, ct) is not null) return null;
        return await tenants.CreateAsync(new CreateTenantRequest(TenantName, "演示公司 Demo Co.", "admin@demo.bizsuite.local", Password), ct);
    }

    private async Task CreateRolesAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        await roles.CreateAsync(new SaveRoleRequest("manager"), ct);
        await roles.CreateAsync(new SaveRoleRequest("sales"), ct);
        await roles.CreateAsync(new SaveRoleRequest("finance"), ct);
    }

    private async Task CreateUsersAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var all = (await roles.GetListAsync(new PageRequest(), ct)).Items;
        // The manager approves what sales drafts and signs.
        await roles.UpdatePermissionsAsync(all.Single(r => r.Name == "manager").Id, new UpdateRolePermissionsRequest(
            [IdentityPermissions.Users, CrmPermissions.Customers, CrmPermissions.Contracts,
             CrmPermissions.Leads, CrmPermissions.Contacts, CrmPermissions.Opportunities, CrmPermissions.Activities,
             OrdersPermissions.SalesOrders, OrdersPermissions.SalesOrdersDeliver, OrdersPermissions.Products, OrdersPermissions.ProductsManage,
             FinancePermissions.Invoices, FinancePermissions.Payments, FinancePermissions.Reports, KernelPermissions.DocumentChains,
             InsightsPermissions.View]), ct);
        await roles.UpdatePermissionsAsync(all.Single(r => r.Name == "sales").Id, new UpdateRolePermissionsRequest(
            [CrmPermissions.Customers, CrmPermissions.CustomersManage, CrmPermissions.Contracts, CrmPermissions.ContractsManage, CrmPermissions.ContractsSign,
             CrmPermissions.Leads, CrmPermissions.LeadsManage, CrmPermissions.Contacts, CrmPermissions.ContactsManage,
             CrmPermissions.Opportunities, CrmPermissions.OpportunitiesManage, CrmPermissions.Activities, CrmPermissions.ActivitiesManage,
             OrdersPermissions.SalesOrders, OrdersPermissions.Products, FinancePermissions.Invoices, FinancePermissions.Payments,
             KernelPermissions.DocumentChains]), ct);
        // Finance collects, credits and keeps the books.
        await roles.UpdatePermissionsAsync(all.Single(r => r.Name == "finance").Id, new UpdateRolePermissionsRequest(
            [CrmPermissions.Customers, CrmPermissions.Contracts, CrmPermissions.Contacts, OrdersPermissions.SalesOrders,
             FinancePermissions.Invoices, FinancePermissions.InvoicesCredit, FinancePermissions.Payments, FinancePermissions.PaymentsRecord,
             FinancePermissions.Vouchers, FinancePermissions.Reports, FinancePermissions.Payables, FinancePermissions.PayablesPay,
             KernelPermissions.DocumentChains]), ct);
        await users.CreateAsync(new CreateUserRequest("manager", "manager@demo.bizsuite.local", "王经理 Wang", Password, true, ["manager", DefaultRoles.Member]), ct);
        await users.CreateAsync(new CreateUserRequest("sales", "sales@demo.bizsuite.local", "李销售 Li", Password, true, ["sales", DefaultRoles.Member]), ct);
        await users.CreateAsync(new CreateUserRequest("finance", "finance@demo.bizsuite.local", "张会计 Zhang", Password, true, ["finance", DefaultRoles.Member]), ct);
    }

    private async Task CreateProductsAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        SaveProductRequest[] catalogue =
        [
            new("SRV-R750", "机架式服务器 Rack server", ProductKind.Product, "台", 25000m, null, 0.13m, "2U, 2 × Xeon, 256 GB",
                DemoCustomFields.Value(DemoCustomFields.OriginKey, "广东深圳")),
            new("LIC-ERP-STD", "ERP 标准版许可 ERP licence", ProductKind.Product, "套", 2000m, null, 0.13m, null,
                DemoCustomFields.Value(DemoCustomFields.OriginKey, "浙江杭州")),
            new("SVC-IMPL", "实施服务 Implementation", ProductKind.Service, "小时", 1000m, null, 0.06m, null),
            new("SVC-SUPPORT", "年度运维 Annual support", ProductKind.Service, "年", 12000m, null, 0.06m, null),
        ];
        foreach (var product in catalogue) await products.CreateAsync(product, ct);
    }

    /// <summary>
    /// Enough for the demo history's year of deliveries (at most 66 servers and 880 licences, usually far fewer): a delivery beyond
    /// on-hand is refused, and the history's would fail.
    /// </summary>
    private static readonly (string Sku, decimal Quantity, decimal UnitCost, decimal ReorderPoint)[] OpeningStock =
        [("SRV-R750", 150m, 18000m, 20m), ("LIC-ERP-STD", 1000m, 800m, 100m)];

    /// <summary>
    /// A main warehouse with opening stock of the catalogue's goods (services have none) and reorder points; then (next step, once
    /// the role is saved) a warehouse keeper who looks after it.
    /// </summary>
    private async Task<Guid> CreateWarehouseAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var warehouse = await warehouses.CreateAsync(new SaveWarehouseRequest("WH-HZ", "杭州主仓库 Hangzhou main", "杭州市余杭区文一西路 998 号", true), ct);
        var catalogue = await CatalogueAsync(ct);
        foreach (var (sku, _, _, reorderPoint) in OpeningStock) await stock.SaveItemAsync(catalogue[sku], new SaveStockItemRequest(true, reorderPoint), ct);
        await roles.CreateAsync(new SaveRoleRequest("warehouse"), ct);
        return warehouse.Id;
    }

    private async Task StockWarehouseAsync(TenantDto tenant, Guid warehouseId, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var catalogue = await CatalogueAsync(ct);
        // Dated before the demo history's first day, so the stock card reads in order.
        var openedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-400);
        await stock.AdjustAsync(new AdjustStockRequest(warehouseId, openedOn, "期初库存 Opening stock",
            OpeningStock.Select(o => new AdjustmentLineRequest(catalogue[o.Sku], o.Quantity, o.UnitCost)).ToList()), ct);
        var keeper = (await roles.GetListAsync(new PageRequest(), ct)).Items.Single(r => r.Name == "warehouse");
        await roles.UpdatePermissionsAsync(keeper.Id, new UpdateRolePermissionsRequest(
            [InventoryPermissions.Stock, InventoryPermissions.StockAdjust, InventoryPermissions.Warehouses, InventoryPermissions.WarehousesManage,
             InventoryPermissions.Products, InventoryPermissions.ProductsManage, InventoryPermissions.Stocktakes, InventoryPermissions.StocktakesPost,
             OrdersPermissions.Products, OrdersPermissions.SalesOrders, OrdersPermissions.SalesOrdersDeliver]), ct);
        await users.CreateAsync(new CreateUserRequest("warehouse", "warehouse@demo.bizsuite.local", "赵仓管 Zhao", Password, true, ["warehouse", DefaultRoles.Member]), ct);
    }

    private async Task<Dictionary<string, Guid>> CatalogueAsync(CancellationToken ct) =>
        (await products.GetListAsync(new PageRequest(Take: 100), true, null, null, ct)).Items.ToDictionary(p => p.Sku, p => p.Id);

    /// <summary>The seller its invoices, receipts, statements and contracts print, and who signs the invoices.</summary>
    private async Task SetUpCompanyProfileAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        foreach (var (name, value) in new[]
        {
            (CompanyProfile.NameSetting, "杭州演示科技有限公司"),
            (CompanyProfile.AddressSetting, "浙江省杭州市西湖区文三路 90 号东部软件园 5 号楼 3 层"),
            (CompanyProfile.PhoneSetting, "0571-88886666"),
            (CompanyProfile.TaxpayerIdSetting, "91330106MA2B3C4D5D"),
            (CompanyProfile.BankSetting, "招商银行杭州高新支行"),
            (CompanyProfile.BankAccountSetting, "5719 0456 7810 001"),
            (InvoiceSignatories.Payee, "张会计"),
            (InvoiceSignatories.Reviewer, "王经理"),
            (InvoiceSignatories.Issuer, "张会计"),
        }) await settings.SetAsync(name, value, ct);
    }

    private async Task CreateDepartmentsAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var office = await departments.CreateAsync(new SaveDepartmentRequest("总经办", "GM", null, null), ct);
        await departments.CreateAsync(new SaveDepartmentRequest("销售部", "SALES", office.Id, null), ct);
        await departments.CreateAsync(new SaveDepartmentRequest("财务部", "FIN", office.Id, null), ct);
    }

    /// <summary>
    /// The demo users as employees, each department with its head: 总经办 (admin) above 销售部 (manager, with sales) and
    /// 财务部 (finance). A sales user's leave goes to the manager; the manager's and finance's own requests go up to admin.
    /// </summary>
    private async Task CreateEmployeesAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var accounts = (await users.GetListAsync(new PageRequest(), ct)).Items.ToDictionary(u => u.UserName, u => u.Id);
        var byCode = (await departments.GetListAsync(ct)).ToDictionary(d => d.Code);
        async Task<EmployeeDto> Employee(string userName, string name, string department, string position, Guid? managerId) =>
            await employees.CreateAsync(new SaveEmployeeRequest(name, byCode[department].Id, position, managerId, new DateOnly(2024, 1, 2),
                EmployeeStatus.Active, null, $"{userName}@demo.bizsuite.local", null, accounts[userName]), ct);
        var admin = await Employee("admin", "赵总 Zhao", "GM", "总经理", null);
        var manager = await Employee("manager", "王经理 Wang", "SALES", "销售经理", admin.Id);
        await Employee("sales", "李销售 Li", "SALES", "销售代表", manager.Id);
        var accountant = await Employee("finance", "张会计 Zhang", "FIN", "会计", admin.Id);
        foreach (var (code, head) in new[] { ("GM", admin), ("SALES", manager), ("FIN", accountant) })
        {
            var d = byCode[code];
            await departments.UpdateAsync(d.Id, new SaveDepartmentRequest(d.Name, d.Code, d.ParentId, head.Id), ct);
        }
        // The admin recruits (HR) and the manager approves the offers, so the demo's hire passes through someone's inbox.
        var offers = (await approvalFlows.GetListAsync(ct)).Single(f => f.DocumentType == ApprovalDocumentTypes.Offer);
        await approvalFlows.UpdateAsync(offers.Id, new SaveApprovalFlowRequest(offers.DocumentType, offers.Name,
            [new SaveApprovalStepRequest(ApproverRule.Role, "manager", null, StepCondition.Always, null)]), ct);
    }

    /// <summary>
    /// The demo's manager approves contracts (the tenant's default flow asks the admin role: the manager role did not exist yet),
    /// and every demo user gets the self-service office permissions (inbox, tasks, announcements) the member role holds;
    /// the manager also assigns tasks and publishes announcements.
    /// </summary>
    private async Task SetUpOfficeAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        var contract = (await approvalFlows.GetListAsync(ct)).Single(f => f.DocumentType == ApprovalDocumentTypes.Contract);
        await approvalFlows.UpdateAsync(contract.Id, new SaveApprovalFlowRequest(contract.DocumentType, contract.Name,
            [new SaveApprovalStepRequest(ApproverRule.Role, "manager", null, StepCondition.Always, null)]), ct);
        string[] self = [OaPermissions.Approvals, OaPermissions.Tasks, OaPermissions.Announcements];
        foreach (var role in (await roles.GetListAsync(new PageRequest(), ct)).Items.Where(r => r.Name is "manager" or "sales" or "finance"))
        {
            var granted = (await roles.GetPermissionsAsync(role.Id, ct)).Groups.SelectMany(g => g.Permissions).Where(p => p.IsGranted).Select(p => p.Name);
            string[] extra = role.Name == "manager" ? [OaPermissions.TasksManage, OaPermissions.AnnouncementsManage, OaPermissions.ApprovalFlows] : [];
            await roles.UpdatePermissionsAsync(role.Id, new UpdateRolePermissionsRequest(granted.Concat(self).Concat(extra).Distinct().ToList()), ct);
        }
    }

    /// <summary>
    /// The example automation rules: finance follows up every large invoice within three days, and an overdue invoice of a
    /// 客户等级 A customer gives the contract's salesperson a task.
    /// </summary>
    private async Task CreateAutomationRuleAsync(TenantDto tenant, CancellationToken ct)
    {
        using var _ = currentTenant.Change(tenant.Id, tenant.Name);
        await automationRules.CreateAsync(new SaveRuleRequest("大额发票提醒财务跟进", true, "finance.invoice.issued", ConditionMatch.All,
            [new RuleCondition("grossTotal", ConditionOperator.GreaterOrEqual, "10000")],
            [new RuleAction(RuleActionType.CreateTask, RecipientKind.Role, Role: "finance", Title: "跟进大额发票 {invoiceNumber}（{customerName}，{grossTotal} {currency}）",
                Message: "到期日 {dueOn}，请确认客户已收到发票并安排回款。", DueInDays: 3)]), ct);
        await automationRules.CreateAsync(new SaveRuleRequest("A 级客户发票逾期提醒销售", true, "finance.invoice.overdue", ConditionMatch.All,
            [new RuleCondition("customer.customFields." + DemoCustomFields.LevelKey, ConditionOperator.Equals, "A")],
            [new RuleAction(RuleActionType.CreateTask, RecipientKind.Owner, Title: "催收逾期发票 {invoiceNumber}（{customerName}，未收 {outstanding} {currency}）",
                DueInDays: 2)]), ct);
    }
}
