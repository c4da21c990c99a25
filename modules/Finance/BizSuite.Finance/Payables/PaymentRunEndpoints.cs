using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Finance.Payables;

internal static class PaymentRunEndpoints
{
    public static void MapPaymentRunEndpoints(this IEndpointRouteBuilder api)
    {
        var runs = api.MapGroup("/finance/payment-runs").WithTags("Payables").RequirePermission(FinancePermissions.Payables);
        runs.MapGet("/", ListPaymentRuns).WithExcelExport();
        runs.MapGet("/{id:guid}", GetPaymentRun);
        runs.MapPost("/", CreatePaymentRun).RequirePermission(FinancePermissions.PayablesPay);
    }

    private static async Task<Ok<PagedResult<PaymentRunDto>>> ListPaymentRuns(PaymentRunAppService s, [AsParameters] PageRequest page, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, ct));

    private static async Task<Ok<PaymentRunDto>> GetPaymentRun(PaymentRunAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<PaymentRunDto>> CreatePaymentRun(PaymentRunAppService s, PaymentRunRequest request, CancellationToken ct)
    {
        var run = await s.PayAsync(request, ct);
        return TypedResults.Created($"/api/finance/payment-runs/{run.Id}", run);
    }
}
