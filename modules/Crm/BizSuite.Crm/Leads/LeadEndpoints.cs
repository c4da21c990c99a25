using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Crm.Leads;

internal static class LeadEndpoints
{
    public static void MapLeadEndpoints(this IEndpointRouteBuilder api)
    {
        var leads = api.MapGroup("/crm/leads").WithTags("Leads").RequirePermission(CrmPermissions.Leads);
        leads.MapGet("/", ListLeads).WithExcelExport();
        leads.MapGet("/{id:guid}", GetLead);
        leads.MapPost("/", CreateLead).RequirePermission(CrmPermissions.LeadsManage);
        leads.MapPut("/{id:guid}", UpdateLead).RequirePermission(CrmPermissions.LeadsManage);
        // Qualifying creates a customer, so it also needs the right to create customers.
        leads.MapPost("/{id:guid}/qualify", QualifyLead).RequirePermission(CrmPermissions.LeadsManage).RequirePermission(CrmPermissions.CustomersManage);
        leads.MapPost("/{id:guid}/disqualify", DisqualifyLead).RequirePermission(CrmPermissions.LeadsManage);
    }

    private static async Task<Ok<PagedResult<LeadDto>>> ListLeads(LeadAppService s, [AsParameters] PageRequest page, LeadStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, status, ct));

    private static async Task<Ok<LeadDto>> GetLead(LeadAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<LeadDto>> CreateLead(LeadAppService s, SaveLeadRequest request, CancellationToken ct)
    {
        var lead = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/crm/leads/{lead.Id}", lead);
    }

    private static async Task<Ok<LeadDto>> UpdateLead(LeadAppService s, Guid id, SaveLeadRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));

    private static async Task<Ok<LeadDto>> QualifyLead(LeadAppService s, Guid id, QualifyLeadRequest? request, CancellationToken ct) =>
        TypedResults.Ok(await s.QualifyAsync(id, request ?? new QualifyLeadRequest(null, null, null, null), ct));

    private static async Task<Ok<LeadDto>> DisqualifyLead(LeadAppService s, Guid id, DisqualifyLeadRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.DisqualifyAsync(id, request, ct));
}
