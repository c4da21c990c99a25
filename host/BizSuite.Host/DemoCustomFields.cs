using BizSuite.Crm;
using BizSuite.Crm.Customers;
using BizSuite.Crm.Data;
using BizSuite.Kernel;
using BizSuite.Orders;
using BizSuite.Purchasing;
using BizSuite.Saas;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Host;

/// <summary>
/// The demo tenant's custom fields: a required 客户等级 (A/B/C) on customers, with a level on every demo customer; a 供应商等级 on
/// suppliers and a 产地 on products, which the demo suppliers and goods are created with.
/// </summary>
internal static class DemoCustomFields
{
    public const string LevelKey = "level";
    public const string GradeKey = "grade";
    public const string OriginKey = "origin";

    public static readonly SaveCustomFieldRequest Grade = new(GradeKey, FieldType.SingleSelect, "供应商等级", "Supplier tier",
        HelpZh: "A 为首选供应商", HelpEn: "A marks preferred suppliers",
        Options: [new("A", "A 级", "Tier A"), new("B", "B 级", "Tier B"), new("C", "C 级", "Tier C")], ShowInList: true);

    public static readonly SaveCustomFieldRequest Origin = new(OriginKey, FieldType.Text, "产地", "Origin", MaxLength: 50, ShowInList: true);

    /// <summary>The supplier and product fields, before the suppliers and products are created with their values.</summary>
    public static Task DefineRecordFieldsAsync(IServiceProvider services, TenantDto tenant, CancellationToken cancellationToken) =>
        services.GetRequiredService<UnitOfWorkRunner>().RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name);
            var fields = sp.GetRequiredService<KernelDbContext>().CustomFields;
            fields.Add(CustomFieldDefinition.Create(PurchasingCustomFields.Supplier, Grade));
            fields.Add(CustomFieldDefinition.Create(OrdersCustomFields.Product, Origin));
            await Task.CompletedTask;
        }, cancellationToken);

    public static System.Text.Json.Nodes.JsonObject Value(string key, string value) => new() { [key] = value };

    public static readonly SaveCustomFieldRequest Level = new(LevelKey, FieldType.SingleSelect, "客户等级", "Customer level", Required: true,
        HelpZh: "A 为重点客户", HelpEn: "A marks key accounts",
        Options: [new("A", "A 级", "Level A"), new("B", "B 级", "Level B"), new("C", "C 级", "Level C")], ShowInList: true);

    public static async Task RunAsync(IServiceProvider services, TenantDto tenant, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<UnitOfWorkRunner>();
        await runner.RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name);
            sp.GetRequiredService<KernelDbContext>().CustomFields.Add(CustomFieldDefinition.Create(CrmCustomFields.Customer, Level));
            await Task.CompletedTask;
        }, cancellationToken);
        // Values after the history, which creates the customers: the same save as an edit in the web app.
        await runner.RunAsync(async (sp, ct) =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name);
            var customers = sp.GetRequiredService<CustomerAppService>();
            var all = await sp.GetRequiredService<CrmDbContext>().Customers.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(ct);
            for (var i = 0; i < all.Count; i++)
            {
                var c = all[i];
                await customers.UpdateAsync(c.Id, new SaveCustomerRequest(c.Name, c.CreditCode, c.TaxId, c.BillingAddress, c.BankAccount,
                    new System.Text.Json.Nodes.JsonObject { [LevelKey] = "ABC"[i % 3].ToString() }), ct);
            }
        }, cancellationToken);
    }
}
