using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Recruitment;

internal static class JobOpeningEndpoints
{
    public static void MapJobOpeningEndpoints(this IEndpointRouteBuilder api)
    {
        var openings = api.MapGroup("/hr/job-openings").WithTags("Recruitment").RequirePermission(HrPermissions.Recruitment);
        openings.MapGet("/", ListJobOpenings);
        openings.MapGet("/{id:guid}", GetJobOpening);
        openings.MapPost("/", CreateJobOpening).RequirePermission(HrPermissions.RecruitmentManage);
        openings.MapPut("/{id:guid}", UpdateJobOpening).RequirePermission(HrPermissions.RecruitmentManage);
    }

    private static async Task<Ok<IReadOnlyList<JobOpeningDto>>> ListJobOpenings(RecruitmentAppService s, JobOpeningStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await s.GetOpeningsAsync(status, ct));

    private static async Task<Ok<JobOpeningDto>> GetJobOpening(RecruitmentAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetOpeningAsync(id, ct));

    private static async Task<Created<JobOpeningDto>> CreateJobOpening(RecruitmentAppService s, SaveJobOpeningRequest request, CancellationToken ct)
    {
        var opening = await s.CreateOpeningAsync(request, ct);
        return TypedResults.Created($"/api/hr/job-openings/{opening.Id}", opening);
    }

    private static async Task<Ok<JobOpeningDto>> UpdateJobOpening(RecruitmentAppService s, Guid id, SaveJobOpeningRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateOpeningAsync(id, request, ct));
}
