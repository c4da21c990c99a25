using BizSuite.Crm.Contracts;
using BizSuite.Crm.Customers;
using BizSuite.Crm.Data;
using BizSuite.Kernel;
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
    }

    public override void DefinePermissions(PermissionDefinitionContext context) => context.AddGroup("Crm")
        .Add(CrmPermissions.Customers, CrmPermissions.CustomersManage)
        .Add(CrmPermissions.Contracts, CrmPermissions.ContractsManage, CrmPermissions.ContractsApprove, CrmPermissions.ContractsSign);

    public override void MapEndpoints(IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/crm/customers").WithTags("Customers").RequirePermission(CrmPermissions.Customers);
        customers.MapGet("/", (CustomerAppService s, [AsParameters] PageRequest page, CancellationToken ct) => s.GetListAsync(page, ct));
        customers.MapGet("/{id:guid}", (CustomerAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        customers.MapPost("/", async (CustomerAppService s, SaveCustomerRequest request, CancellationToken ct) =>
        {
            var customer = await s.CreateAsync(request, ct);
            return Results.Created($"/api/crm/customers/{customer.Id}", customer);
        }).RequirePermission(CrmPermissions.CustomersManage);
        customers.MapPut("/{id:guid}", (CustomerAppService s, Guid id, SaveCustomerRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(CrmPermissions.CustomersManage);

        var contracts = api.MapGroup("/crm/contracts").WithTags("Contracts").RequirePermission(CrmPermissions.Contracts);
        contracts.MapGet("/", (ContractAppService s, [AsParameters] PageRequest page, Guid? customerId, ContractStatus? status, CancellationToken ct) =>
            s.GetListAsync(page, customerId, status, ct));
        contracts.MapGet("/{id:guid}", (ContractAppService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct));
        contracts.MapPost("/", async (ContractAppService s, SaveContractRequest request, CancellationToken ct) =>
        {
            var contract = await s.CreateAsync(request, ct);
            return Results.Created($"/api/crm/contracts/{contract.Id}", contract);
        }).RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPut("/{id:guid}", (ContractAppService s, Guid id, SaveContractRequest request, CancellationToken ct) => s.UpdateAsync(id, request, ct))
            .RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/submit", (ContractAppService s, Guid id, CancellationToken ct) => s.SubmitAsync(id, ct))
            .RequirePermission(CrmPermissions.ContractsManage);
        contracts.MapPost("/{id:guid}/approve", (ContractAppService s, Guid id, CancellationToken ct) => s.ApproveAsync(id, ct))
            .RequirePermission(CrmPermissions.ContractsApprove);
        contracts.MapPost("/{id:guid}/reject", (ContractAppService s, Guid id, RejectContractRequest request, CancellationToken ct) => s.RejectAsync(id, request.Comment, ct))
            .RequirePermission(CrmPermissions.ContractsApprove);
        contracts.MapPost("/{id:guid}/sign", (ContractAppService s, Guid id, CancellationToken ct) => s.SignAsync(id, ct))
            .RequirePermission(CrmPermissions.ContractsSign);
    }
}
