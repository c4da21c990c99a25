using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using MySqlConnector;

namespace BizSuite.Kernel;

public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// Data-protection keys (which encrypt tenants' stored secrets) live in the database, so every host
/// instance can read what another encrypted. Plain ADO: the key ring is read outside any unit of work.
/// </summary>
internal sealed class DatabaseXmlRepository(string connectionString) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        using var command = new MySqlCommand("SELECT Xml FROM kernel_data_protection_keys ORDER BY Id", connection);
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read()) keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        using var command = new MySqlCommand("INSERT INTO kernel_data_protection_keys (FriendlyName, Xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("@name", friendlyName);
        command.Parameters.AddWithValue("@xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
