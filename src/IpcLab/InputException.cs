namespace IpcLab;

/// <summary>Bad input or usage: the message goes to stderr and the command exits with 2.</summary>
internal sealed class InputException(string message) : Exception(message);
