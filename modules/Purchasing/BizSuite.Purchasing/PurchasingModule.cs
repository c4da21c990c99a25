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
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        services.AddScoped<ISupplierAppService>(sp => sp.GetRequiredService<SupplierAppService>());
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
        var suppliers = api.MapGroup("/purchasing/suppliers").WithTags("Suppliers").RequirePermission(PurchasingPermissions.Suppliers);
        suppliers.MapGet("/", (SupplierAppService s, [AsParameters] PageRequest page, bool? active, CancellationToken ct) => s.GetListAsync(page, active, ct))
            .WithExcelExport();
        suppliers.MapGet("/{id:guid}", (SupplierAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        suppliers.MapPost("/", async (SupplierAppService s, SaveSupplierRequest request, CancellationToken ct) =>
        {
            var supplier = await s.CreateAsync(request, ct);
            return Results.Created($"/api/purchasing/suppliers/{supplier.Id}", supplier);
        }).RequirePermission(PurchasingPermissions.SuppliersManage);
        suppliers.MapPut("/{id:guid}", (SupplierAppService s, Guid id, SaveSupplierRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(PurchasingPermissions.SuppliersManage);
        suppliers.MapImport<SupplierImporter>(PurchasingPermissions.SuppliersManage);

        var requests = api.MapGroup("/purchasing/requests").WithTags("Purchase requests").RequirePermission(PurchasingPermissions.Requests);
        requests.MapGet("/", (PurchaseRequestAppService s, [AsParameters] PageRequest page, bool? all, PurchaseRequestStatus? status, CancellationToken ct) =>
            s.GetListAsync(page, all ?? false, status, ct)).WithExcelExport();
        requests.MapGet("/{id:guid}", (PurchaseRequestAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        requests.MapGet("/supplier-choices", (SupplierAppService s, CancellationToken ct) => s.ChoicesAsync(ct));
        requests.MapGet("/product-choices", (PurchaseRequestAppService s, string? filter, Guid? id, CancellationToken ct) =>
            s.ProductChoicesAsync(filter, id, ct))
            .WithSummary("List catalogue products a request line may name");
        requests.MapPost("/", async (PurchaseRequestAppService s, SavePurchaseRequest request, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(request, ct);
            return Results.Created($"/api/purchasing/requests/{created.Id}", created);
        });
        requests.MapPut("/{id:guid}", (PurchaseRequestAppService s, Guid id, SavePurchaseRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct));
        requests.MapPost("/{id:guid}/submit", (PurchaseRequestAppService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct));

        var orders = api.MapGroup("/purchasing/orders").WithTags("Purchase orders").RequirePermission(PurchasingPermissions.Orders);
        orders.MapGet("/", (PurchaseOrderAppService s, [AsParameters] PageRequest page, PurchaseOrderStatus? status, Guid? supplierId, Guid? requestId,
            CancellationToken ct) => s.GetListAsync(page, status, supplierId, requestId, ct)).WithExcelExport();
        orders.MapGet("/{id:guid}", (PurchaseOrderAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        orders.MapGet("/{id:guid}/pdf", PurchaseOrderDocument.DownloadAsync);
        orders.MapPost("/{id:guid}/email", async (PurchaseOrderMail mail, Guid id, CancellationToken ct) =>
        {
            await mail.SendAsync(id, ct);
            return Results.Accepted();
        }).RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/", async (PurchaseOrderAppService s, SavePurchaseOrderRequest request, CancellationToken ct) =>
        {
            var order = await s.CreateAsync(request, ct);
            return Results.Created($"/api/purchasing/orders/{order.Id}", order);
        }).RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPut("/{id:guid}", (PurchaseOrderAppService s, Guid id, SavePurchaseOrderRequest request, CancellationToken ct) => s.AdjustAsync(id, request, ct))
            .RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/{id:guid}/confirm", (PurchaseOrderAppService s, Guid id, CancellationToken ct) => s.ConfirmAsync(id, ct))
            .RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/{id:guid}/cancel", (PurchaseOrderAppService s, Guid id, CancellationToken ct) => s.CancelAsync(id, ct))
            .RequirePermission(PurchasingPermissions.OrdersManage);
        orders.MapPost("/{id:guid}/receipts", async (GoodsReceiptAppService s, Guid id, ReceiveGoodsRequest request, CancellationToken ct) =>
        {
            var receipt = await s.ReceiveAsync(id, request, ct);
            return Results.Created($"/api/purchasing/receipts/{receipt.Id}", receipt);
        }).RequirePermission(PurchasingPermissions.Receipts);

        var receipts = api.MapGroup("/purchasing/receipts").WithTags("Goods receipts").RequirePermission(PurchasingPermissions.Orders);
        receipts.MapGet("/", (GoodsReceiptAppService s, [AsParameters] PageRequest page, Guid? orderId, CancellationToken ct) => s.GetListAsync(page, orderId, ct))
            .WithExcelExport();
        receipts.MapGet("/{id:guid}", (GoodsReceiptAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));

        var bills = api.MapGroup("/purchasing/bills").WithTags("Supplier bills").RequirePermission(PurchasingPermissions.Bills);
        bills.MapGet("/", (SupplierBillAppService s, [AsParameters] PageRequest page, Guid? orderId, Guid? supplierId, SupplierBillStatus? status,
            CancellationToken ct) => s.GetListAsync(page, orderId, supplierId, status, ct)).WithExcelExport();
        bills.MapGet("/{id:guid}", (SupplierBillAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        // The preview the bill entry page shows per line; it posts nothing.
        bills.MapPost("/match", (SupplierBillAppService s, EnterBillRequest request, CancellationToken ct) => s.MatchAsync(request, ct))
            .RequirePermission(PurchasingPermissions.BillsManage);
        bills.MapPost("/", async (SupplierBillAppService s, EnterBillRequest request, CancellationToken ct) =>
        {
            var bill = await s.EnterAsync(request, ct);
            return Results.Created($"/api/purchasing/bills/{bill.Id}", bill);
        }).RequirePermission(PurchasingPermissions.BillsManage);
    }
}
