using BizSuite.Crm.Data;
using BizSuite.Finance;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Crm.Contracts;

/// <summary>A payment flows back to the contract: Finance reports the collection status, the contract shows it.</summary>
internal sealed class UpdateCollectionStatusWhenCollectionChanged(CrmDbContext db) : IDomainEventHandler<CollectionStatusChanged>
{
    public async Task HandleAsync(CollectionStatusChanged collection, CancellationToken ct)
    {
        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == collection.ContractId, ct);
        contract?.UpdateCollection(collection.Status);
    }
}
