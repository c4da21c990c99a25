using System.Globalization;
using BizSuite.Finance;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Purchasing.Bills;
using BizSuite.Purchasing.Data;
using BizSuite.Purchasing.Orders;
using BizSuite.Purchasing.Receipts;
using BizSuite.Purchasing.Requests;
using BizSuite.Purchasing.Suppliers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Purchasing;

/// <summary>Procure-to-pay (采购): suppliers, purchase requests approved in OA, purchase orders, goods receipts and supplier bills.</summary>
public sealed class PurchasingModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<PurchasingDbContext>();
        services.AddScoped<CatalogueChecks>();
        services.AddScoped<OrderNumbers>();
        services.AddScoped<SupplierAppService>();
        services.AddSearch<PurchasingDbContext, Supplier>(PurchasingPermissions.Suppliers, db => db.Suppliers, s => new SearchHit(s.Id, s.Name, s.CreditCode));
        services.AddScoped<ISupplierAppService>(sp => sp.GetRequiredService<SupplierAppService>());
        services.AddScoped<ICustomFieldEntity, SupplierCustomFields>();
        services.AddScoped<ICustomFieldEntity, PurchaseOrderCustomFields>();
        services.AddScoped<SupplierImporter>();
        services.AddScoped<PurchaseRequestAppService>();
        services.AddApprovalOutcomes<CreateOrdersWhenRequestApproved>();
        services.AddScoped<IDomainEventHandler<StockLow>, SuggestRequestWhenStockLow>();
        services.AddScoped<PurchaseOrderAppService>();
        services.AddScoped<IPurchaseOrderAppService>(sp => sp.GetRequiredService<PurchaseOrderAppService>());
        services.AddScoped<PurchaseOrderDocument>();
        services.AddScoped<PurchaseOrderMail>();
        services.AddBackgroundJob<EmailPurchaseOrderJob, EmailPurchaseOrder>();
        services.AddScoped<GoodsReceiptAppService>();
        services.AddScoped<SupplierBillAppService>();
        services.AddScoped<IDomainEventHandler<PayablePaid>, MarkBillPaidWhenPayablePaid>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Purchasing")
        .Add(PurchasingPermissions.Suppliers, PurchasingPermissions.SuppliersManage)
        .AddForMembers(PurchasingPermissions.Requests)
        .Add(PurchasingPermissions.RequestsAll)
        .Add(PurchasingPermissions.Orders, PurchasingPermissions.OrdersManage, PurchasingPermissions.Receipts)
        .Add(PurchasingPermissions.Bills, PurchasingPermissions.BillsManage, PurchasingPermissions.BillsOverride);

    public override void DefineSettings(SettingDefinitionContext context) => context
        .Add(PurchasingSettings.OverReceiptTolerance, "0", IsPercent)
        .Add(PurchasingSettings.PriceTolerance, "0", IsPercent);

    private static bool IsPercent(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100
        && decimal.Round(percent, 2) == percent;

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapSupplierEndpoints();
        api.MapPurchaseRequestEndpoints();
        api.MapPurchaseOrderEndpoints();
        api.MapGoodsReceiptEndpoints();
        api.MapSupplierBillEndpoints();
    }
}
