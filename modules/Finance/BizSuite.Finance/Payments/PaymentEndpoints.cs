using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Finance.Payments;

internal static class PaymentEndpoints
{
    public static void MapPaymentEndpoints(this IEndpointRouteBuilder api)
    {
        var payments = api.MapGroup("/finance/payments").WithTags("Payments").RequirePermission(FinancePermissions.Payments);
        payments.MapGet("/", ListPayments).WithExcelExport();
        payments.MapGet("/{id:guid}/pdf", GetReceiptPdf);
    }

    private static async Task<Ok<PagedResult<PaymentDto>>> ListPayments(PaymentAppService s, [AsParameters] PageRequest page, Guid? invoiceId, Guid? contractId,
        Guid? customerId, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, invoiceId, contractId, customerId, ct));

    private static async Task<FileContentHttpResult> GetReceiptPdf(ReceiptDocument document, Guid id, string? lang, CancellationToken ct)
    {
        var (pdf, number) = await document.RenderAsync(id, DocumentLanguages.Parse(lang), ct);
        return TypedResults.File(pdf, "application/pdf", $"{number}.pdf");
    }
}
