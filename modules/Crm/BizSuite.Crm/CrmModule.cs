using BizSuite.Crm.Activities;
using BizSuite.Crm.Contacts;
using BizSuite.Crm.Contracts;
using BizSuite.Crm.Customers;
using BizSuite.Crm.Leads;
using BizSuite.Crm.Opportunities;
using BizSuite.Crm.Data;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Crm;

public sealed class CrmModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<CrmDbContext>();
        context.Services.AddScoped<CustomerAppService>();
        context.Services.AddScoped<ContractAppService>();
        context.Services.AddScoped<ContractDocument>();
        context.Services.AddScoped<LeadAppService>();
        context.Services.AddScoped<ContactAppService>();
        context.Services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        context.Services.AddScoped<IDomainEventHandler<Finance.CollectionStatusChanged>, UpdateCollectionStatusWhenCollectionChanged>();
        context.Services.AddApprovalOutcomes<MoveContractWhenApprovalDecided>();
        context.Services.AddScoped<OpportunityAppService>();
        context.Services.AddScoped<ActivityAppService>();
        context.Services.AddScoped<CustomerImporter>();
        context.Services.AddScoped<ContactImporter>();
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Crm")
        .Add(CrmPermissions.Customers, CrmPermissions.CustomersManage)
        .Add(CrmPermissions.Contracts, CrmPermissions.ContractsManage, CrmPermissions.ContractsSign)
        .Add(CrmPermissions.Leads, CrmPermissions.LeadsManage)
        .Add(CrmPermissions.Contacts, CrmPermissions.ContactsManage)
        .Add(CrmPermissions.Opportunities, CrmPermissions.OpportunitiesManage)
        .Add(CrmPermissions.Activities, CrmPermissions.ActivitiesManage);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/crm/customers").WithTags("Customers").RequirePermission(CrmPermissions.Customers);
        customers.MapGet("/", (CustomerAppService s, [AsParameters] PageRequest page, CancellationToken ct) => s.GetListAsync(page, ct)).WithExcelExport();
        customers.MapGet("/{id:guid}", (CustomerAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        customers.MapPost("/", async (CustomerAppService s, SaveCustomerRequest request, CancellationToken ct) =>
        {
            var customer = await s.CreateAsync(request, ct);
            return Results.Created($"/api/crm/customers/{customer.Id}", customer);
        }).RequirePermission(CrmPermissions.CustomersManage);
        customers.MapPut("/{id:guid}", (CustomerAppService s, Guid id, SaveCustomerRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(CrmPermissions.CustomersManage);
        customers.MapImport<CustomerImporter>(CrmPermissions.CustomersManage);

        var contracts = api.MapGroup("/crm/contracts").WithTags("Contracts").RequirePermission(CrmPermissions.Contracts);
        contracts.MapGet("/", (ContractAppService s, [AsParameters] PageRequest page, Guid? customerId, ContractStatus? status, CancellationToken ct) =>
            s.GetListAsync(page, customerId, status, ct)).WithExcelExport();
        contracts.MapGet("/{id:guid}", (ContractAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        contracts.MapGet("/{id:guid}/pdf", ContractDocument.DownloadAsync);
        contracts.MapPost("/", async (ContractAppService s, SaveContractRequest request, CancellationToken ct) =>
        {
            var contract = await s.CreateAsync(request, ct);
            return Results.Created($"/api/crm/contracts/{contract.Id}", contract);
        }).RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPut("/{id:guid}", (ContractAppService s, Guid id, SaveContractRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/submit", (ContractAppService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct))
            .RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/sign", (ContractAppService s, Guid id, CancellationToken ct) => s.SignAsync(id, ct))
            .RequirePermission(CrmPermissions.ContractsSign);
        contracts.MapPost("/{id:guid}/complete", (ContractAppService s, Guid id, CancellationToken ct) => s.CompleteAsync(id, ct))
            .RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/terminate", (ContractAppService s, Guid id, TerminateContractRequest request, CancellationToken ct) => s.TerminateAsync(id, request.Reason, ct))
            .RequirePermission(CrmPermissions.ContractsManage);

        var leads = api.MapGroup("/crm/leads").WithTags("Leads").RequirePermission(CrmPermissions.Leads);
        leads.MapGet("/", (LeadAppService s, [AsParameters] PageRequest page, LeadStatus? status, CancellationToken ct) => s.GetListAsync(page, status, ct)).WithExcelExport();
        leads.MapGet("/{id:guid}", (LeadAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        leads.MapPost("/", async (LeadAppService s, SaveLeadRequest request, CancellationToken ct) =>
        {
            var lead = await s.CreateAsync(request, ct);
            return Results.Created($"/api/crm/leads/{lead.Id}", lead);
        }).RequirePermission(CrmPermissions.LeadsManage);
        leads.MapPut("/{id:guid}", (LeadAppService s, Guid id, SaveLeadRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(CrmPermissions.LeadsManage);
        // Qualifying creates a customer, so it also needs the right to create customers.
        leads.MapPost("/{id:guid}/qualify", (LeadAppService s, Guid id, QualifyLeadRequest? request, CancellationToken ct) =>
                s.QualifyAsync(id, request ?? new QualifyLeadRequest(null, null, null, null), ct))
            .RequirePermission(CrmPermissions.LeadsManage).RequirePermission(CrmPermissions.CustomersManage);
        leads.MapPost("/{id:guid}/disqualify", (LeadAppService s, Guid id, DisqualifyLeadRequest request, CancellationToken ct) => s.DisqualifyAsync(id, request, ct))
            .RequirePermission(CrmPermissions.LeadsManage);

        var contacts = api.MapGroup("/crm/contacts").WithTags("Contacts").RequirePermission(CrmPermissions.Contacts);
        contacts.MapGet("/", (ContactAppService s, [AsParameters] PageRequest page, Guid? customerId, CancellationToken ct) => s.GetListAsync(page, customerId, ct)).WithExcelExport();
        contacts.MapGet("/{id:guid}", (ContactAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        contacts.MapPost("/", async (ContactAppService s, SaveContactRequest request, CancellationToken ct) =>
        {
            var contact = await s.CreateAsync(request, ct);
            return Results.Created($"/api/crm/contacts/{contact.Id}", contact);
        }).RequirePermission(CrmPermissions.ContactsManage);
        contacts.MapPut("/{id:guid}", (ContactAppService s, Guid id, SaveContactRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(CrmPermissions.ContactsManage);
        contacts.MapImport<ContactImporter>(CrmPermissions.ContactsManage);

        var opportunities = api.MapGroup("/crm/opportunities").WithTags("Opportunities").RequirePermission(CrmPermissions.Opportunities);
        opportunities.MapGet("/", (OpportunityAppService s, [AsParameters] PageRequest page, Guid? customerId, OpportunityStage? stage, CancellationToken ct) =>
            s.GetListAsync(page, customerId, stage, ct)).WithExcelExport();
        opportunities.MapGet("/{id:guid}", (OpportunityAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        opportunities.MapPost("/", async (OpportunityAppService s, SaveOpportunityRequest request, CancellationToken ct) =>
        {
            var opportunity = await s.CreateAsync(request, ct);
            return Results.Created($"/api/crm/opportunities/{opportunity.Id}", opportunity);
        }).RequirePermission(CrmPermissions.OpportunitiesManage);
        opportunities.MapPut("/{id:guid}", (OpportunityAppService s, Guid id, SaveOpportunityRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(CrmPermissions.OpportunitiesManage);
        opportunities.MapPost("/{id:guid}/move", (OpportunityAppService s, Guid id, MoveOpportunityRequest request, CancellationToken ct) => s.MoveAsync(id, request, ct))
            .RequirePermission(CrmPermissions.OpportunitiesManage);

        var activities = api.MapGroup("/crm/activities").WithTags("Activities").RequirePermission(CrmPermissions.Activities);
        activities.MapGet("/", (ActivityAppService s, [AsParameters] PageRequest page, ActivityRegarding? regardingType, Guid? regardingId, CancellationToken ct) =>
            s.GetListAsync(page, regardingType, regardingId, ct)).WithExcelExport();
        activities.MapPost("/", async (ActivityAppService s, LogActivityRequest request, CancellationToken ct) =>
        {
            var activity = await s.LogAsync(request, ct);
            return Results.Created($"/api/crm/activities/{activity.Id}", activity);
        }).RequirePermission(CrmPermissions.ActivitiesManage);
    }
}
