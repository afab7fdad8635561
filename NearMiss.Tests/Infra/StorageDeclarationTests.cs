using System.Reflection;

using NearMiss.Core.Storage;

namespace NearMiss.Tests.Infra;

/// <summary>Every table and queue in <see cref="StorageNames"/>, and each queue's poison queue, is declared in main.bicep.</summary>
[Trait("Kind", "Infra")]
public sealed class StorageDeclarationTests
{
    [Fact]
    public void Tables_AreAllDeclared()
    {
        var declared = Declared("Microsoft.Storage/storageAccounts/tableServices/tables");

        var missing = Constants(typeof(StorageNames.Tables)).Where(table => !declared.Contains(table)).ToList();

        Assert.True(missing.Count == 0, $"tables the code uses but main.bicep does not declare: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Queues_AndTheirPoisonQueues_AreAllDeclared()
    {
        var declared = Declared("Microsoft.Storage/storageAccounts/queueServices/queues");

        var missing = Constants(typeof(StorageNames.Queues))
            .SelectMany(queue => new[] { queue, StorageNames.Queues.Poison(queue) })
            .Where(queue => !declared.Contains(queue))
            .ToList();

        Assert.True(missing.Count == 0, $"queues the code uses but main.bicep does not declare: {string.Join(", ", missing)}");
    }

    [Fact]
    public void StorageAccount_RefusesSharedKeysAndOldTls()
    {
        var account = Assert.Single(ArmTemplate.OfType(BicepCli.Template, "Microsoft.Storage/storageAccounts")).Resource["properties"]!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
    }

    private static HashSet<string> Declared(string type) =>
        ArmTemplate.OfType(BicepCli.Template, type).SelectMany(ArmTemplate.LeafNames).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Constants(Type holder) =>
        holder.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);
}
