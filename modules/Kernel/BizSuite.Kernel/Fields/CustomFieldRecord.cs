using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BizSuite.Kernel;

/// <summary>
/// An aggregate whose kind takes custom fields: the values as one JSON column (audited with the record, checked by
/// <see cref="ICustomFields.SetAsync"/>) and its select values one row each, which list filters find through an index.
/// A module gives a kind custom fields by deriving from this, calling <see cref="CustomFieldModel.HasCustomFields{T}"/>
/// in its DbContext and registering a <see cref="CustomFieldEntity{T}"/>.
/// </summary>
public abstract class CustomFieldsAggregate : AggregateRoot
{
    public string CustomFields { get; private set; } = "{}";
    public List<IndexedFieldValue> IndexedValues { get; private set; } = [];

    public JsonObject CustomFieldValues() => JsonNode.Parse(CustomFields)!.AsObject();

    /// <summary>
    /// Takes checked values; those of <paramref name="indexedKeys"/> (select fields) also go to the filter index, whose
    /// rows carry the tenant (a new record gets its own only when added) so the index serves one tenant's filter.
    /// </summary>
    internal void SetCustomFields(JsonObject values, IReadOnlySet<string> indexedKeys, Guid? tenantId)
    {
        CustomFields = values.ToJsonString();
        var wanted = values.Where(v => indexedKeys.Contains(v.Key))
            .SelectMany(v => v.Value is JsonArray many ? many.Select(x => (v.Key, x!.GetValue<string>())) : [(v.Key, v.Value!.ToString())])
            .ToHashSet();
        IndexedValues.RemoveAll(x => !wanted.Contains((x.FieldKey, x.Value)));
        foreach (var (key, value) in wanted.Where(w => !IndexedValues.Any(x => x.FieldKey == w.Item1 && x.Value == w.Item2)))
            IndexedValues.Add(new IndexedFieldValue(tenantId, key, value));
    }
}

/// <summary>One chosen option of a record's select field (客户等级 = A), the row a list filter finds through its index.</summary>
public sealed class IndexedFieldValue(Guid? tenantId, string fieldKey, string value) : Entity
{
    public Guid? TenantId { get; private set; } = tenantId;
    public string FieldKey { get; private set; } = fieldKey;
    public string Value { get; private set; } = value;
}

public static class CustomFieldModel
{
    /// <summary>The JSON column and the index table <paramref name="valuesTable"/> (owner key <c>&lt;Type&gt;Id</c>).</summary>
    public static void HasCustomFields<T>(this EntityTypeBuilder<T> b, string valuesTable) where T : CustomFieldsAggregate
    {
        var ownerKey = typeof(T).Name + "Id";
        b.Property(c => c.CustomFields).HasColumnType("longtext");
        b.OwnsMany(c => c.IndexedValues, v =>
        {
            v.ToTable(valuesTable);
            v.WithOwner().HasForeignKey(ownerKey);
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.FieldKey).HasMaxLength(40);
            v.Property(x => x.Value).HasMaxLength(FieldValues.MaxOptionValueLength);
            // A filter by one option reads this index only: the tenant's rows of that key and value, with their records.
            v.HasIndex(nameof(IndexedFieldValue.TenantId), nameof(IndexedFieldValue.FieldKey), nameof(IndexedFieldValue.Value), ownerKey);
        });
    }

    /// <summary>
    /// Records with <paramref name="value"/> in the select field <paramref name="key"/>, in the tenant of <paramref name="db"/>
    /// (as search reads it). The tenant goes in as a value, not compared with the row's nullable TenantId: that comparison
    /// makes EF add an IS NULL branch that keeps MariaDB off the index.
    /// </summary>
    public static IQueryable<T> WhereCustomValue<T>(this IQueryable<T> query, BizDbContext db, string key, string value) where T : CustomFieldsAggregate
    {
        var tenantId = db.TenantForQueries ?? Guid.Empty;
        return query.Where(c => c.IndexedValues.Any(v => v.TenantId == tenantId && v.FieldKey == key && v.Value == value));
    }

    /// <summary>
    /// How many records of the tenant hold <paramref name="value"/> in <paramref name="key"/>, counted on the index table alone
    /// (one row per record and value), which is a range of its index.
    /// </summary>
    public static Task<long> CountWithCustomValueAsync<T>(this BizDbContext db, string key, string value, CancellationToken ct) where T : CustomFieldsAggregate
    {
        var table = db.Model.FindEntityType(typeof(T))!.FindNavigation(nameof(CustomFieldsAggregate.IndexedValues))!.TargetEntityType.GetTableName();
        var tenantId = (db.TenantForQueries ?? Guid.Empty).ToString();
        // The table name comes from the model, never from input; the values are parameters.
        var sql = "SELECT COUNT(*) AS Value FROM `" + table + "` WHERE TenantId = {0} AND FieldKey = {1} AND Value = {2}";
        return db.Database.SqlQueryRaw<long>(sql, tenantId, key, value).SingleAsync(ct);
    }
}

/// <summary>
/// The registration of a kind of record with custom fields: its name, who reads it, and its stored values for a type change.
/// <paramref name="payloadIdField"/> names the record in its events' payloads when that is not <c>&lt;type&gt;Id</c> (a sales order's <c>orderId</c>).
/// </summary>
public abstract class CustomFieldEntity<T>(string entityType, string readPermission, IQueryable<T> records, string? payloadIdField = null) : ICustomFieldEntity
    where T : CustomFieldsAggregate
{
    public string EntityType => entityType;

    public string ReadPermission => readPermission;

    public string PayloadIdField { get; } = payloadIdField ?? char.ToLowerInvariant(typeof(T).Name[0]) + typeof(T).Name[1..] + "Id";

    public async Task<CustomFieldsAggregate?> FindAsync(Guid id, CancellationToken ct) => await records.FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<IReadOnlyList<JsonNode>> StoredValuesAsync(string key, CancellationToken ct)
    {
        // Only rows that mention the key are parsed; the exact check is the JSON itself.
        var stored = await records.AsNoTracking().Select(c => c.CustomFields).Where(j => j.Contains("\"" + key + "\"")).ToListAsync(ct);
        return stored.Select(j => JsonNode.Parse(j)![key]).OfType<JsonNode>().ToList();
    }
}
