using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Crm.Contracts;

internal static class ContractEndpoints
{
    public static void MapContractEndpoints(this IEndpointRouteBuilder api)
    {
        var contracts = api.MapGroup("/crm/contracts").WithTags("Contracts").RequirePermission(CrmPermissions.Contracts);
        contracts.MapGet("/", ListContracts).WithExcelExport();
        contracts.MapGet("/{id:guid}", GetContract);
        contracts.MapGet("/{id:guid}/pdf", GetContractPdf);
        contracts.MapPost("/", CreateContract).RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPut("/{id:guid}", UpdateContract).RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/submit", SubmitContract).RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/sign", SignContract).RequirePermission(CrmPermissions.ContractsSign);
        contracts.MapPost("/{id:guid}/complete", CompleteContract).RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/terminate", TerminateContract).RequirePermission(CrmPermissions.ContractsManage);
    }

    private static async Task<Ok<PagedResult<ContractDto>>> ListContracts(ContractAppService s, [AsParameters] PageRequest page, Guid? customerId,
        ContractStatus? status, string? customField, string? customValue, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, customerId, status, customField, customValue, ct));

    private static async Task<Ok<ContractDto>> GetContract(ContractAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<FileContentHttpResult> GetContractPdf(ContractAppService s, ContractDocument document, Guid id, string? lang, CancellationToken ct)
    {
        var contract = await s.GetAsync(id, ct);
        return TypedResults.File(await document.RenderAsync(contract, DocumentLanguages.Parse(lang), ct), "application/pdf", $"{contract.Number}.pdf");
    }

    private static async Task<Created<ContractDto>> CreateContract(ContractAppService s, SaveContractRequest request, CancellationToken ct)
    {
        var contract = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/crm/contracts/{contract.Id}", contract);
    }

    private static async Task<Ok<ContractDto>> UpdateContract(ContractAppService s, Guid id, SaveContractRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));

    private static async Task<Ok<ContractDto>> SubmitContract(ContractAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.SubmitAsync(id, ct));

    private static async Task<Ok<ContractDto>> SignContract(ContractAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.SignAsync(id, ct));

    private static async Task<Ok<ContractDto>> CompleteContract(ContractAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.CompleteAsync(id, ct));

    private static async Task<Ok<ContractDto>> TerminateContract(ContractAppService s, Guid id, TerminateContractRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.TerminateAsync(id, request.Reason, ct));
}
