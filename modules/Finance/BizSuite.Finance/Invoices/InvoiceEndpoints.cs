using BizSuite.Finance.Payments;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Finance.Invoices;

internal static class InvoiceEndpoints
{
    public static void MapInvoiceEndpoints(this IEndpointRouteBuilder api)
    {
        var invoices = api.MapGroup("/finance/invoices").WithTags("Invoices").RequirePermission(FinancePermissions.Invoices);
        invoices.MapGet("/", ListInvoices).WithExcelExport();
        invoices.MapGet("/{id:guid}", GetInvoice);
        invoices.MapGet("/{id:guid}/pdf", GetInvoicePdf);
        invoices.MapGet("/{id:guid}/credit-notes", ListCreditNotes);
        invoices.MapPost("/{id:guid}/credit-note", IssueCreditNote).RequirePermission(FinancePermissions.InvoicesCredit);
        // Whoever may correct an invoice (credit it) keeps its custom fields; there is no other edit of an invoice.
        invoices.MapPut("/{id:guid}/custom-fields", SetInvoiceCustomFields).RequirePermission(FinancePermissions.InvoicesCredit);
        invoices.MapPost("/{id:guid}/payments", RecordPayment).RequirePermission(FinancePermissions.PaymentsRecord);
    }

    private static async Task<Ok<PagedResult<InvoiceDto>>> ListInvoices(InvoiceAppService s, [AsParameters] PageRequest page, Guid? contractId, Guid? orderId,
        Guid? customerId, InvoiceStatus? status, string? customField, string? customValue, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, new InvoiceQuery(contractId, orderId, customerId, status, customField, customValue), ct));

    private static async Task<Ok<InvoiceDto>> SetInvoiceCustomFields(InvoiceAppService s, Guid id, SaveCustomFieldValuesRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.SetCustomFieldsAsync(id, request, ct));

    private static async Task<Ok<InvoiceDto>> GetInvoice(InvoiceAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<FileContentHttpResult> GetInvoicePdf(InvoiceAppService s, InvoiceDocument document, Guid id, string? lang, CancellationToken ct)
    {
        var invoice = await s.GetAsync(id, ct);
        return TypedResults.File(await document.RenderAsync(invoice, DocumentLanguages.Parse(lang), ct), "application/pdf", $"{invoice.Number}.pdf");
    }

    private static async Task<Ok<IReadOnlyList<CreditNoteDto>>> ListCreditNotes(InvoiceAppService s, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await s.GetCreditNotesAsync(id, ct));

    private static async Task<Ok<CreditNoteDto>> IssueCreditNote(InvoiceAppService s, Guid id, CreditNoteRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.CreditAsync(id, request, ct));

    private static async Task<Ok<PaymentDto>> RecordPayment(PaymentAppService s, Guid id, RecordPaymentRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.RecordAsync(id, request, ct));
}
