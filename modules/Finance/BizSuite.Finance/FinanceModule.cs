using System.Globalization;
using BizSuite.Hr;
using BizSuite.Finance.Accounting;
using BizSuite.Finance.Data;
using BizSuite.Finance.Invoices;
using BizSuite.Finance.OnlinePayments;
using BizSuite.Finance.Payables;
using BizSuite.Finance.Payments;
using BizSuite.Finance.Receivables;
using BizSuite.Finance.Reports;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Orders;
using BizSuite.Purchasing;
using BizSuite.Saas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BizSuite.Finance;

public sealed class FinanceModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        var services = context.Services;
        context.AddDbContext<FinanceDbContext>();
        services.AddScoped<InstallmentInvoicer>();
        services.AddScoped<InvoiceAppService>();
        services.AddScoped<PaymentAppService>();
        services.AddScoped<ReceivableAppService>();
        services.AddScoped<VoucherAppService>();
        services.AddScoped<FinanceReports>();
        services.AddScoped<Ledger>();
        services.AddScoped<InvoiceDocument>();
        services.AddScoped<ReceiptDocument>();
        services.AddScoped<VoucherDocument>();
        services.AddScoped<CustomerStatement>();
        services.AddScoped<IDomainEventHandler<TenantCreated>, SeedAccountsWhenTenantCreated>();
        services.AddScoped<IDomainEventHandler<SalesOrderCreated>, InvoiceWhenSalesOrderCreated>();
        services.AddScoped<IDomainEventHandler<DeliveryRecorded>, InvoiceWhenOrderDelivered>();
        services.AddScoped<IDomainEventHandler<InvoiceIssued>, PostVoucherWhenInvoiceIssued>();
        services.AddScoped<IDomainEventHandler<PaymentRecorded>, PostVoucherWhenPaymentRecorded>();
        services.AddScoped<IDomainEventHandler<CreditNoteIssued>, PostVoucherWhenCreditNoteIssued>();
        services.AddScoped<PayableAppService>();
        services.AddScoped<IDomainEventHandler<ExpenseClaimApproved>, RecordPayableWhenExpenseClaimApproved>();
        services.AddScoped<IDomainEventHandler<PayablePaid>, PostVoucherWhenPayablePaid>();
        services.AddScoped<PaymentRunAppService>();
        services.AddScoped<SupplierStatement>();
        services.AddScoped<IDomainEventHandler<GoodsReceived>, PostVoucherWhenGoodsReceived>();
        services.AddScoped<IDomainEventHandler<SupplierBillPosted>, RecordPayableWhenSupplierBillPosted>();
        services.AddScoped<IDomainEventHandler<StockIssued>, PostVoucherWhenStockIssued>();
        services.AddScoped<IDomainEventHandler<StocktakePosted>, PostVoucherWhenStocktakePosted>();
        services.AddScoped<IDomainEventHandler<StockRevalued>, PostVoucherWhenStockRevalued>();
        services.AddBackgroundJob<ReviewReceivablesJob, ReviewReceivables>();
        services.AddRecurringWork<EnqueueReceivableReviews>("finance-receivable-review", "0 0 1 * * ?", EnqueueReceivableReviews.ChinaTime);

        services.Configure<StripeOptions>(context.Configuration.GetSection("Finance:Stripe"));
        services.AddHttpClient("stripe");
        services.AddScoped<StripeGateway>();
        services.AddScoped<StripeAccountAppService>();
        services.AddScoped<StripeWebhook>();
        services.AddScoped<IDomainEventHandler<InvoiceIssued>, OfferOnlinePaymentWhenInvoiceIssued>();
        services.AddBackgroundJob<CreateCheckoutSessionJob, CreateCheckoutSession>();
        services.AddScoped<IDomainEventHandler<InvoiceIssued>, EmailInvoiceWhenInvoiceIssued>();
        services.AddBackgroundJob<EmailInvoiceJob, EmailInvoice>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Finance")
        .Add(FinancePermissions.Invoices, FinancePermissions.InvoicesCredit)
        .Add(FinancePermissions.Payments, FinancePermissions.PaymentsRecord)
        .Add(FinancePermissions.Payables, FinancePermissions.PayablesPay)
        .Add(FinancePermissions.Vouchers)
        .Add(FinancePermissions.Reports)
        .Add(FinancePermissions.Stripe);

    public override void DefineSettings(SettingDefinitionContext context)
    {
        context.AddInteger(InstallmentInvoicer.PaymentTermDays, 30, 0, 365);
        foreach (var signatory in new[] { InvoiceSignatories.Payee, InvoiceSignatories.Reviewer, InvoiceSignatories.Issuer })
            context.Add(signatory, "", v => v.Length <= 50);
    }

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var invoices = api.MapGroup("/finance/invoices").WithTags("Invoices").RequirePermission(FinancePermissions.Invoices);
        invoices.MapGet("/", (InvoiceAppService s, [AsParameters] PageRequest page, Guid? contractId, Guid? orderId, Guid? customerId, InvoiceStatus? status,
            CancellationToken ct) => s.GetListAsync(page, new InvoiceQuery(contractId, orderId, customerId, status), ct)).WithExcelExport();
        invoices.MapGet("/{id:guid}", (InvoiceAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        invoices.MapGet("/{id:guid}/pdf", InvoiceDocument.DownloadAsync);
        invoices.MapGet("/{id:guid}/credit-notes", (InvoiceAppService s, Guid id, CancellationToken ct) => s.GetCreditNotesAsync(id, ct));
        invoices.MapPost("/{id:guid}/credit-note", (InvoiceAppService s, Guid id, CreditNoteRequest request, CancellationToken ct) => s.CreditAsync(id, request, ct))
            .RequirePermission(FinancePermissions.InvoicesCredit);
        invoices.MapPost("/{id:guid}/payments", (PaymentAppService s, Guid id, RecordPaymentRequest request, CancellationToken ct) => s.RecordAsync(id, request, ct))
            .RequirePermission(FinancePermissions.PaymentsRecord);

        api.MapGet("/finance/payments", (PaymentAppService s, [AsParameters] PageRequest page, Guid? invoiceId, Guid? contractId, Guid? customerId,
            CancellationToken ct) => s.GetListAsync(page, invoiceId, contractId, customerId, ct))
            .WithTags("Payments").RequirePermission(FinancePermissions.Payments).WithExcelExport();
        api.MapGet("/finance/payments/{id:guid}/pdf", ReceiptDocument.DownloadAsync).WithTags("Payments").RequirePermission(FinancePermissions.Payments);
        api.MapGet("/finance/customers/{customerId:guid}/statement/pdf", CustomerStatement.DownloadAsync)
            .WithTags("Receivables").RequirePermission(FinancePermissions.Invoices);
        api.MapGet("/finance/receivables", (ReceivableAppService s, [AsParameters] PageRequest page, Guid? contractId, Guid? customerId,
            CollectionStatus? status, CancellationToken ct) => s.GetListAsync(page, contractId, customerId, status, ct))
            .WithTags("Receivables").RequirePermission(FinancePermissions.Invoices).WithExcelExport();

        var payables = api.MapGroup("/finance/payables").WithTags("Payables").RequirePermission(FinancePermissions.Payables);
        payables.MapGet("/", (PayableAppService s, [AsParameters] PageRequest page, PayableStatus? status, Guid? sourceId, Guid? payeeId, string? sourceType,
            DateOnly? dueBy, CancellationToken ct) => s.GetListAsync(page, new PayableQuery(status, sourceId, payeeId, sourceType, dueBy), ct)).WithExcelExport();
        payables.MapGet("/{id:guid}", (PayableAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        payables.MapGet("/suppliers", (PayableAppService s, CancellationToken ct) => s.GetSuppliersAsync(ct));
        payables.MapPost("/{id:guid}/pay", (PayableAppService s, Guid id, PayPayableRequest request, CancellationToken ct) => s.PayAsync(id, request, ct))
            .RequirePermission(FinancePermissions.PayablesPay);

        var runs = api.MapGroup("/finance/payment-runs").WithTags("Payables").RequirePermission(FinancePermissions.Payables);
        runs.MapGet("/", (PaymentRunAppService s, [AsParameters] PageRequest page, CancellationToken ct) => s.GetListAsync(page, ct)).WithExcelExport();
        runs.MapGet("/{id:guid}", (PaymentRunAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        runs.MapPost("/", async (PaymentRunAppService s, PaymentRunRequest request, CancellationToken ct) =>
        {
            var run = await s.PayAsync(request, ct);
            return Results.Created($"/api/finance/payment-runs/{run.Id}", run);
        }).RequirePermission(FinancePermissions.PayablesPay);

        var suppliers = api.MapGroup("/finance/suppliers/{supplierId:guid}").WithTags("Payables").RequirePermission(FinancePermissions.Payables);
        suppliers.MapGet("/statement", (SupplierStatement s, Guid supplierId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            s.GetAsync(supplierId, from, to, ct));
        suppliers.MapGet("/statement/pdf", SupplierStatement.DownloadAsync);

        var stripe = api.MapGroup("/finance/stripe").WithTags("Stripe");
        stripe.MapGet("/", (StripeAccountAppService s, CancellationToken ct) => s.GetAsync(ct)).RequirePermission(FinancePermissions.Stripe);
        stripe.MapPut("/", (StripeAccountAppService s, ConnectStripeRequest request, CancellationToken ct) => s.ConnectAsync(request, ct))
            .RequirePermission(FinancePermissions.Stripe);
        stripe.MapDelete("/", async (StripeAccountAppService s, CancellationToken ct) =>
        {
            await s.DisconnectAsync(ct);
            return Results.NoContent();
        }).RequirePermission(FinancePermissions.Stripe);
        // Public: Stripe calls it; the signature with the tenant's webhook secret is the authentication.
        stripe.MapPost("/webhook", async (StripeWebhook webhook, HttpRequest request, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var outcome = await webhook.HandleAsync(await reader.ReadToEndAsync(ct), request.Headers["Stripe-Signature"], ct);
            return Results.Ok(new { outcome });
        }).AllowAnonymous();

        var accounting = api.MapGroup("/finance").WithTags("Accounting").RequirePermission(FinancePermissions.Vouchers);
        accounting.MapGet("/vouchers", (VoucherAppService s, [AsParameters] PageRequest page, Guid? sourceId, CancellationToken ct) =>
            s.GetListAsync(page, sourceId, ct)).WithExcelExport();
        accounting.MapGet("/vouchers/{id:guid}/pdf", VoucherDocument.DownloadAsync);
        accounting.MapGet("/accounts", (VoucherAppService s, CancellationToken ct) => s.GetAccountsAsync(ct));

        var reports = api.MapGroup("/finance/reports").WithTags("Finance reports").RequirePermission(FinancePermissions.Reports);
        reports.MapGet("/trial-balance", (FinanceReports s, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
            s.TrialBalanceAsync(asOf ?? Today(clock), ct));
        reports.MapGet("/ar-aging", (FinanceReports s, TimeProvider clock, DateOnly? asOf, CancellationToken ct) => s.ArAgingAsync(asOf ?? Today(clock), ct));
        reports.MapGet("/ar-aging/export", async (FinanceReports s, IStringLocalizer l, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
        {
            var report = await s.ArAgingAsync(asOf ?? Today(clock), ct);
            return Results.File(AgingExport.ToExcel(report, l), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"ar-aging-{report.AsOf:yyyyMMdd}.xlsx");
        });
        reports.MapGet("/ap-aging", (FinanceReports s, TimeProvider clock, DateOnly? asOf, CancellationToken ct) => s.ApAgingAsync(asOf ?? Today(clock), ct));
        reports.MapGet("/ap-aging/export", async (FinanceReports s, IStringLocalizer l, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
        {
            var report = await s.ApAgingAsync(asOf ?? Today(clock), ct);
            return Results.File(AgingExport.ToExcel(report, l), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"ap-aging-{report.AsOf:yyyyMMdd}.xlsx");
        });
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
