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
        services.AddTimelineRecord<FinanceDbContext, Invoice>(FinanceRecordTypes.Invoice, FinancePermissions.Invoices, "/finance/invoices/{id}");
        services.AddSearch<FinanceDbContext, Invoice>(FinancePermissions.Invoices, db => db.Invoices, i => new SearchHit(i.Id, i.Number, i.CustomerName));
        services.AddScoped<InstallmentInvoicer>();
        services.AddScoped<InvoiceAppService>();
        services.AddScoped<ICustomFieldEntity, InvoiceCustomFields>();
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
        api.MapInvoiceEndpoints();
        api.MapPaymentEndpoints();
        api.MapReceivableEndpoints();
        api.MapPayableEndpoints();
        api.MapPaymentRunEndpoints();
        api.MapStripeEndpoints();
        api.MapVoucherEndpoints();
        api.MapFinanceReportEndpoints();
    }
}
