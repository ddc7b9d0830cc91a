using SmartLicensing.Agent;
using SmartLicensing.Asa.Config;
using SmartLicensing.Asa.Licensing;

namespace SmartLicensing.Asa.Cli;

/// <summary>
/// Strong Encryption (3DES/AES) as the running ASA applies it. A registration whose token allows
/// export-controlled functionality enables it at once. When the device has been registered
/// without it in this boot, Strong Encryption that arrives later (from a new registration or,
/// on Firepower, from the Strong Encryption entitlement) waits for a reload. It goes
/// when the device re-registers without export permission, deregisters or is reset to its
/// factory defaults, and it survives an out-of-compliance state. DES is always enabled.
/// </summary>
internal sealed partial class AsaSession
{
    private readonly Lock _encryptionLock = new();
    private bool _strongEncryption;
    private bool _registeredWithoutStrongEncryption;
    private bool _strongEncryptionPending;

    private void ResetEncryptionAtBoot()
    {
        lock (_encryptionLock)
        {
            _strongEncryption = false;
            _registeredWithoutStrongEncryption = false;
            _strongEncryptionPending = false;
        }

        ObserveEncryption();
    }

    /// <summary>Updates Strong Encryption from the agent state. It runs after every agent event and before every license evaluation.</summary>
    private void ObserveEncryption()
    {
        if (_agent is not { } agent)
        {
            return;
        }

        var state = agent.State;
        var granted = PlatformLicense.StrongEncryptionGranted(Config, _device.Platform, state);
        var announcePending = false;
        lock (_encryptionLock)
        {
            if (!granted)
            {
                if (state.Registration == RegistrationStatus.Registered)
                {
                    _registeredWithoutStrongEncryption = true;
                }

                if (state.Registration is RegistrationStatus.Registered or RegistrationStatus.Unregistered)
                {
                    _strongEncryption = false;
                    _strongEncryptionPending = false;
                }

                return;
            }

            if (_strongEncryption)
            {
                return;
            }

            if (_registeredWithoutStrongEncryption)
            {
                announcePending = !_strongEncryptionPending;
                _strongEncryptionPending = true;
            }
            else
            {
                _strongEncryption = true;
            }
        }

        if (announcePending)
        {
            _output.WriteLine("Strong Encryption (3DES/AES) has been added to the license. Reload the device for it to take effect.");
        }
    }

    /// <summary>Next step towards Strong Encryption: a reload when it waits for one, otherwise a registration with export permission.</summary>
    private string StrongEncryptionHint
    {
        get
        {
            lock (_encryptionLock)
            {
                return _strongEncryptionPending
                    ? "The license has been added and takes effect after a reload: save the configuration with 'write memory' and reload the device."
                    : "Register the device with a token that allows export-controlled functionality.";
            }
        }
    }

    /// <summary>Strong Encryption as the running device applies it.</summary>
    private bool StrongEncryptionActive
    {
        get
        {
            ObserveEncryption();
            lock (_encryptionLock)
            {
                return _strongEncryption;
            }
        }
    }

    /// <summary>
    /// <c>configure factory-default</c>: restores the default configuration and removes the
    /// registration, and with it Strong Encryption. The device then runs unlicensed.
    /// </summary>
    private async Task FactoryDefaultAsync(CancellationToken cancellationToken)
    {
        _output.WriteLine("WARNING: The running configuration will be replaced by the factory default configuration.");
        ChangeConfig(RunningConfig.Default);
        ResetLab();
        if (Agent.State.Registration != RegistrationStatus.Unregistered)
        {
            await WaitForBackgroundAsync();
            await RunExchangeAsync((agent, ct) => agent.DeregisterAsync(ct), cancellationToken);
        }

        lock (_encryptionLock)
        {
            _strongEncryption = false;
            _strongEncryptionPending = false;
            _registeredWithoutStrongEncryption = false;
        }

        _output.WriteLine("The factory default configuration is running. Strong Encryption (3DES/AES) has been removed; register the device again to license it.");
    }
}
