using BizSuite.Crm.Activities;
using BizSuite.Crm.Contacts;
using BizSuite.Crm.Contracts;
using BizSuite.Crm.Customers;
using BizSuite.Crm.Leads;
using BizSuite.Crm.Opportunities;
using BizSuite.Crm.Data;
using BizSuite.Kernel;
using BizSuite.Oa;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Crm;

public sealed class CrmModule : BizModule
{
    public override void ConfigureServices(ModuleServices context)
    {
        context.AddDbContext<CrmDbContext>();
        context.Services.AddScoped<CustomerAppService>();
        context.Services.AddScoped<ICustomFieldEntity, CustomerCustomFields>();
        context.Services.AddScoped<ICustomFieldEntity, ContractCustomFields>();
        context.Services.AddScoped<ContractAppService>();
        context.Services.AddScoped<ContractDocument>();
        context.Services.AddScoped<LeadAppService>();
        context.Services.AddScoped<ContactAppService>();
        context.Services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        context.Services.AddScoped<IDomainEventHandler<Finance.CollectionStatusChanged>, UpdateCollectionStatusWhenCollectionChanged>();
        context.Services.AddApprovalOutcomes<MoveContractWhenApprovalDecided>();
        context.Services.AddScoped<OpportunityAppService>();
        context.Services.AddScoped<ActivityAppService>();
        context.Services.AddScoped<ITimelineSource, ActivityTimelineSource>();
        context.Services.AddTimelineRecord<CrmDbContext, Customer>(CrmRecordTypes.Customer, CrmPermissions.Customers, "/crm/customers/{id}");
        context.Services.AddTimelineRecord<CrmDbContext, Contract>(CrmRecordTypes.Contract, CrmPermissions.Contracts, "/crm/contracts/{id}");
        context.Services.AddSearch<CrmDbContext, Customer>(CrmPermissions.Customers, db => db.Customers, c => new SearchHit(c.Id, c.Name, c.CreditCode));
        context.Services.AddSearch<CrmDbContext, Contact>(CrmPermissions.Contacts, db => db.Contacts, c => new SearchHit(c.Id, c.Name, c.Phone ?? c.Email));
        context.Services.AddSearch<CrmDbContext, Contract>(CrmPermissions.Contracts, db => db.Contracts,
            c => new SearchHit(c.Id, c.Title, c.Number + " · " + c.CustomerName));
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
        api.MapCustomerEndpoints();
        api.MapContractEndpoints();
        api.MapLeadEndpoints();
        api.MapContactEndpoints();
        api.MapOpportunityEndpoints();
        api.MapActivityEndpoints();
    }
}
