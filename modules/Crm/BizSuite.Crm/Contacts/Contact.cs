using BizSuite.Kernel;

namespace BizSuite.Crm.Contacts;

/// <summary>A person at a customer (联系人); one of a customer's contacts may be its primary one.</summary>
[Audited]
internal sealed class Contact : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Job title (职务).</summary>
    public string? Position { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public bool IsPrimary { get; private set; }

    private Contact() { }

    public static Contact Create(Guid customerId, string name, string? position, string? phone, string? email, bool isPrimary)
    {
        var contact = new Contact { CustomerId = customerId };
        contact.Update(name, position, phone, email, isPrimary);
        return contact;
    }

    /// <summary>The customer stays: a contact who moves to another company is a new contact there.</summary>
    public void Update(string name, string? position, string? phone, string? email, bool isPrimary)
    {
        Name = name.Trim();
        Position = Blank(position);
        Phone = Blank(phone);
        Email = Blank(email);
        IsPrimary = isPrimary;
    }

    public void ClearPrimary() => IsPrimary = false;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
