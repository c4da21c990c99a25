using BizSuite.Hr.Employees;
using BizSuite.Hr.Onboarding;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Recruitment;

internal static class CandidateEndpoints
{
    public static void MapCandidateEndpoints(this IEndpointRouteBuilder api)
    {
        var candidates = api.MapGroup("/hr/candidates").WithTags("Recruitment").RequirePermission(HrPermissions.Recruitment);
        candidates.MapGet("/", ListCandidates).WithExcelExport();
        candidates.MapGet("/{id:guid}", GetCandidate);
        candidates.MapPost("/", CreateCandidate).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPut("/{id:guid}", UpdateCandidate).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/move", MoveCandidate).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/interviews", RecordInterview).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/offer", MakeOffer).RequirePermission(HrPermissions.RecruitmentManage);
        candidates.MapPost("/{id:guid}/hire", HireCandidate).RequirePermission(HrPermissions.RecruitmentManage);
    }

    private static async Task<Ok<PagedResult<CandidateDto>>> ListCandidates(RecruitmentAppService s, [AsParameters] PageRequest page, Guid? openingId,
        CandidateStage? stage, CancellationToken ct) =>
        TypedResults.Ok(await s.GetCandidatesAsync(page, openingId, stage, ct));

    private static async Task<Ok<CandidateDto>> GetCandidate(RecruitmentAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetCandidateAsync(id, ct));

    private static async Task<Created<CandidateDto>> CreateCandidate(RecruitmentAppService s, SaveCandidateRequest request, CancellationToken ct)
    {
        var candidate = await s.CreateCandidateAsync(request, ct);
        return TypedResults.Created($"/api/hr/candidates/{candidate.Id}", candidate);
    }

    private static async Task<Ok<CandidateDto>> UpdateCandidate(RecruitmentAppService s, Guid id, SaveCandidateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateCandidateAsync(id, request, ct));

    private static async Task<Ok<CandidateDto>> MoveCandidate(RecruitmentAppService s, Guid id, MoveCandidateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.MoveAsync(id, request, ct));

    private static async Task<Ok<CandidateDto>> RecordInterview(RecruitmentAppService s, Guid id, RecordInterviewRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.RecordInterviewAsync(id, request, ct));

    private static async Task<Ok<CandidateDto>> MakeOffer(RecruitmentAppService s, Guid id, MakeOfferRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.MakeOfferAsync(id, request, ct));

    private static async Task<Ok<HireResponse>> HireCandidate(RecruitmentAppService s, EmployeeAppService employees, NewAccounts accounts, Guid id,
        CancellationToken ct)
    {
        var employee = await s.HireAsync(id, ct);
        return TypedResults.Ok(new HireResponse(await employees.GetDtoAsync(employee, ct), accounts));
    }
}
