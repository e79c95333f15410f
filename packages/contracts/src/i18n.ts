import type { $ZodIssue } from 'zod/v4/core';
import { ErrorCode } from './errors';

/**
 * The server's messages in both languages. The portal has its own UI catalogue; it uses
 * these for field errors so that a NIP is explained the same way in a form and in an import.
 */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** `Accept-Language: en-US,en;q=0.9` -> 'en'; anything unknown -> Indonesian. */
export function pickLang(header: string | string[] | undefined | null): Lang {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 'id';
  const ranked = value
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) if (r.tag === 'id' || r.tag === 'en') return r.tag;
  return 'id';
}

type Catalogue = Record<string, string>;

const id: Catalogue = {
  // errors (title)
  [ErrorCode.ValidationFailed]: 'Data yang dikirim belum benar',
  [ErrorCode.Unauthenticated]: 'Silakan masuk terlebih dahulu',
  [ErrorCode.InvalidCredentials]: 'NIP atau kata sandi salah',
  [ErrorCode.AccountInactive]: 'Akun Anda tidak aktif. Hubungi admin BKPSDMD.',
  [ErrorCode.TokenInvalid]: 'Sesi Anda tidak berlaku lagi. Silakan masuk kembali.',
  [ErrorCode.RefreshReused]: 'Sesi ini dipakai di tempat lain dan telah diakhiri demi keamanan. Silakan masuk kembali.',
  [ErrorCode.Forbidden]: 'Anda tidak memiliki akses untuk tindakan ini',
  [ErrorCode.NotFound]: 'Data tidak ditemukan',
  [ErrorCode.Conflict]: 'Data bertentangan dengan data yang sudah ada',
  [ErrorCode.NipTaken]: 'NIP ini sudah terdaftar',
  [ErrorCode.OrgUnitCodeTaken]: 'Kode unit kerja ini sudah dipakai',
  [ErrorCode.OrgUnitCycle]: 'Unit induk tidak boleh unit itu sendiri atau salah satu sub-unitnya',
  [ErrorCode.OrgUnitInUse]: 'Unit kerja ini masih memiliki sub-unit, jabatan, atau pegawai',
  [ErrorCode.PositionInUse]: 'Jabatan ini masih dipakai oleh pegawai',
  [ErrorCode.TooManyAttempts]: 'Terlalu banyak percobaan. Coba lagi dalam {seconds} detik.',
  [ErrorCode.NipLocked]: 'Terlalu banyak kata sandi salah untuk NIP ini. Coba lagi dalam {seconds} detik.',
  [ErrorCode.PayloadTooLarge]: 'Berkas terlalu besar (maksimal {limit})',
  [ErrorCode.UnsupportedMediaType]: 'Jenis berkas tidak didukung',
  [ErrorCode.ImportFileInvalid]: 'Berkas CSV tidak dapat dibaca: {reason}',
  [ErrorCode.CourseNotEditable]: 'Kursus ini sedang ditinjau atau diarsipkan sehingga tidak dapat diubah',
  [ErrorCode.InvalidTransition]: 'Tindakan ini tidak dapat dilakukan pada status kursus saat ini',
  [ErrorCode.ContentConflict]: 'Kursus ini baru saja diubah di tempat lain. Muat ulang untuk melihat perubahan terbaru; isian Anda tetap tersimpan di layar.',
  [ErrorCode.FileTooLarge]: 'Berkas terlalu besar (maksimal {limit})',
  [ErrorCode.FileTypeNotAllowed]: 'Jenis berkas tidak diizinkan. Yang diizinkan: {allowed}',
  [ErrorCode.Internal]: 'Terjadi kesalahan pada server. Tidak ada data Anda yang hilang; coba lagi. Kode permintaan: {requestId}',
  [ErrorCode.ServiceUnavailable]: 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.',
  // field validation
  'validation.required': 'Wajib diisi',
  'validation.invalidType': 'Nilai tidak valid',
  'validation.tooShort': 'Minimal {minimum} karakter',
  'validation.tooLong': 'Maksimal {maximum} karakter',
  'validation.tooSmall': 'Minimal {minimum}',
  'validation.tooBig': 'Maksimal {maximum}',
  'validation.email': 'Alamat email tidak valid',
  'validation.uuid': 'ID tidak valid',
  'validation.format': 'Format tidak valid',
  'validation.enum': 'Pilih salah satu: {options}',
  'validation.unknownKeys': 'Kolom tidak dikenal: {keys}',
  'validation.phone': 'Nomor telepon tidak valid (contoh: 081234567890)',
  'validation.password': 'Kata sandi minimal 8 karakter dan memuat huruf serta angka',
  'validation.orgUnitCode': 'Kode hanya boleh berisi huruf, angka, titik, garis bawah, dan tanda hubung',
  'validation.golongan': 'Golongan tidak valid (contoh: III/a, IV/b, atau IX untuk PPPK)',
  'validation.roles': 'Pilih minimal satu peran',
  'nip.format': 'NIP harus 18 digit angka',
  'nip.birthDate': 'Tanggal lahir pada NIP (digit 1–8) tidak valid',
  'nip.appointmentDate': 'Tanggal pengangkatan pada NIP (digit 9–14) tidak masuk akal',
  'nip.sex': 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2',
  'nip.serial': 'Nomor urut pada NIP (digit 16–18) tidak boleh 000',
  // import
  'import.header': 'Baris judul harus memuat kolom: {columns}',
  'import.empty': 'Berkas tidak berisi data',
  'import.tooManyRows': 'Berkas berisi lebih dari {max} baris',
  'import.unknownOrgUnit': 'Kode unit kerja "{value}" tidak ditemukan',
  'import.unknownPosition': 'Jabatan "{value}" tidak ditemukan di unit kerja ini',
  'import.duplicateInFile': 'NIP ini sudah muncul di baris {row}',
  'import.emailTaken': 'Email ini sudah dipakai pegawai lain',
  'import.columnCount': 'Baris ini berisi {count} kolom, padahal baris judul {expected} kolom. Beri tanda kutip pada isian yang memuat tanda pemisah.',
  'validation.emailTaken': 'Email ini sudah dipakai pegawai lain',
  'validation.notFound': 'Data yang dipilih tidak ditemukan',
  'validation.duplicate': 'Ada data yang tercantum dua kali',
  'certificate.patternNoSeq': 'Pola nomor harus memuat {seq} (nomor urut)',
  'certificate.patternNoYear': 'Pola nomor harus memuat {year} (nomor urut dimulai lagi setiap tahun)',
  'certificate.patternUnknown': 'Pola nomor memuat penanda yang tidak dikenal: {token}',
  'certificate.patternCharacters': 'Teks tetap pada pola nomor hanya boleh huruf, angka, spasi, dan tanda baca ASCII',
  'certificate.patternTaken': 'Pola nomor ini sudah dipakai templat lain',
  'certificate.templateNameTaken': 'Sudah ada templat dengan nama ini',
  'certificate.unknownTemplateType': 'Jenis templat "{key}" tidak tersedia',
  'certificate.templateInUse': 'Templat ini sudah dipakai untuk menerbitkan sertifikat; arsipkan saja',
  'certificate.noTemplate': 'Belum ada templat sertifikat bawaan; pilih templat',
  'certificate.logoType': 'Logo harus berupa gambar PNG atau JPEG',
  'certificate.courseNotPublished': 'Sertifikat hanya untuk kursus yang sudah terbit',
  'certificate.oneSelection': 'Pilih daftar pegawai atau daftar NIP, tidak keduanya',
  'certificate.rangeOrder': 'Tanggal akhir tidak boleh sebelum tanggal awal',
  'certificate.nothingToIssue': 'Tidak ada peserta yang cocok dengan pilihan ini',
  'certificate.unknownNip': 'NIP tidak terdaftar',
  'certificate.notCompleted': 'Belum menyelesaikan kursus ini',
  'certificate.alreadyIssued': 'Sudah memiliki sertifikat kursus ini ({number})',
  'certificate.alreadyRevoked': 'Sertifikat ini sudah dicabut',
  'certificate.notReissuable': 'Hanya sertifikat yang berlaku atau dicabut yang dapat diterbitkan ulang',
  'certificate.batchNotFinished': 'Penerbitan belum selesai',
  'certificate.numberTaken': 'Nomor sertifikat {number} sudah dipakai; periksa pola nomor templat',
  'certificate.renderFailed': 'Gagal membuat PDF: {problem}',
  'certificate.storageFailed': 'Gagal menyimpan PDF: {problem}',
  'certificate.inactiveUser': 'Akun pegawai ini tidak aktif',
  'certificate.pdfNotReady': 'PDF sertifikat sedang dibuat; coba lagi sebentar lagi',
  'notification.certificate.issued.title': 'Sertifikat terbit',
  'notification.certificate.issued.body': 'Sertifikat {course} Anda telah terbit dengan nomor {number}.',
  'evaluation.notCompleted': 'Survei dibuka setelah Anda menyelesaikan kursus ini',
  'evaluation.alreadyAnswered': 'Anda sudah mengisi survei kursus ini; terima kasih',
  'evaluation.answerRequired': 'Pertanyaan ini wajib dijawab',
  'evaluation.likertRange': 'Pilih nilai 1 sampai 5',
  'evaluation.unknownQuestion': 'Pertanyaan ini tidak ada dalam survei',
  'evaluation.questionIdsUnique': 'Setiap pertanyaan harus memiliki ID yang berbeda',
  'evaluation.surveyMissing': 'Belum mengisi survei evaluasi kursus (wajib sebelum sertifikat terbit)',
  'competency.levelsContiguous': 'Level harus berurutan mulai dari 1 tanpa ada yang terlewat',
  'competency.levelAboveScale': 'Level {level} melebihi skala kerangka (1–{scaleMax})',
  'competency.codeTaken': 'Kode kompetensi "{code}" sudah dipakai di kerangka ini',
  'competency.frameworkTaken': 'Kerangka "{name}" versi {version} sudah ada',
  'competency.parentCycle': 'Kompetensi tidak dapat dipindahkan ke dalam dirinya sendiri atau turunannya',
  'competency.parentOtherFramework': 'Induk kompetensi harus berada di kerangka yang sama',
  'competency.inUse': 'Kompetensi ini sudah dipakai (standar jabatan, target kursus, atau bukti) sehingga tidak dapat dihapus',
  'competency.frameworkInUse': 'Kerangka ini sudah dipakai sehingga tidak dapat dihapus; pensiunkan saja',
  'competency.notPublished': 'Kompetensi "{code}" belum terbit atau sudah dipensiunkan',
  'competency.noLevels': 'Kompetensi "{code}" tidak memiliki level sehingga tidak dapat dinilai',
  'competency.frameworkEmpty': 'Kerangka belum memiliki kompetensi dengan level sehingga belum dapat diterbitkan',
  'competency.scaleBelowLevels': 'Skala tidak boleh lebih kecil dari level tertinggi yang sudah dipakai ({level})',
  'competency.importRow': 'Baris {row}: {problem}',
  'competency.importPath': '{path}: {problem}',
  'competency.importFormat': 'Berkas tidak dapat dibaca sebagai {format}: {problem}',
  'competency.ambiguousCode': 'Kode "{code}" ada di lebih dari satu kerangka; isi kolom framework',
  'competency.unknownCode': 'Kompetensi "{code}" tidak ditemukan di kerangka yang terbit',
  'competency.unknownPosition': 'Jabatan "{position}" tidak ditemukan',
  'competency.futureDate': 'Tanggal tidak boleh di masa depan',
  'competency.fileNotFound': 'Berkas lampiran tidak ditemukan',
  'competency.importEncoding': 'Berkas harus berupa teks UTF-8 (CSV atau JSON CASE)',
  'competency.importMoreErrors': 'Masih ada kesalahan lain setelah {max} kesalahan ini; perbaiki dulu lalu unggah lagi',
  'competency.importCsvSyntax': 'Format CSV rusak di sini (misalnya tanda kutip yang tidak ditutup)',
  'competency.importDuplicateColumn': 'Kolom {column} tercantum dua kali',
  'competency.importInconsistent': 'Isian kolom {column} berbeda dengan isian di baris {row}',
  'competency.importDuplicateLevel': 'Level {level} kompetensi "{code}" sudah ada di baris {row}',
  'competency.unknownParent': 'Kompetensi induk "{code}" tidak ada di berkas',
  'competency.identifierTaken': 'Identifier {identifier} dipakai lebih dari sekali',
  'competency.importNotJson': 'Berkas bukan JSON yang valid',
  'competency.importNotCase': 'Berkas JSON ini bukan paket CASE 1.0 (CFPackage dengan CFDocument dan CFItems)',
  'competency.importUnknownItem': 'Item CASE {identifier} tidak ada di paket ini',
  'competency.importManyParents': 'Item ini memiliki lebih dari satu induk (isChildOf); sebuah kerangka hanya boleh berupa satu pohon',
  'competency.importManyCriteria': 'Item {identifier} memiliki lebih dari satu kriteria rubrik',
  // competency reports: sheet names and column headers of the CSV/XLSX exports
  'competencyReport.heatmapSheet': 'Peta kompetensi',
  'competencyReport.detailSheet': 'Rincian',
  'competencyReport.gapSheet': 'Kesenjangan kompetensi',
  'competencyReport.unitCode': 'Kode unit',
  'competencyReport.unit': 'Unit kerja',
  'competencyReport.asnCount': 'Jumlah ASN',
  'competencyReport.competencyCode': 'Kode kompetensi',
  'competencyReport.competency': 'Kompetensi',
  'competencyReport.required': 'ASN yang dipersyaratkan',
  'competencyReport.met': 'ASN yang memenuhi',
  'competencyReport.share': 'Persentase memenuhi',
  'competencyReport.nip': 'NIP',
  'competencyReport.name': 'Nama',
  'competencyReport.position': 'Jabatan',
  'competencyReport.totalGap': 'Total kesenjangan',
  'competencyReport.gapCount': 'Jumlah kompetensi',
  'competencyReport.match': 'Job-Person Match (%)',
  'competencyReport.gaps': 'Kesenjangan (tercapai→dipersyaratkan)',
  'position.nameTaken': 'Jabatan dengan nama ini sudah ada di unit kerja yang sama',
  'users.cannotDemoteSelf': 'Anda tidak dapat menonaktifkan akun sendiri atau mencabut peran admin Anda sendiri',
  'import.encoding': 'Berkas harus berupa teks CSV dengan encoding UTF-8',
  // courses and files
  'content.unknownType': 'Jenis blok ini tidak dikenal atau tidak diaktifkan',
  'content.empty': 'Kursus perlu minimal satu modul dengan satu pelajaran yang berisi konten',
  'content.duplicateKey': 'Kunci ini sudah dipakai di bagian lain kursus',
  'content.fileNotFound': 'Berkas tidak ditemukan atau bukan milik kursus ini',
  'courses.coverNotImage': 'Sampul harus berupa gambar yang diunggah untuk kursus ini',
  'courses.coauthorNotAuthor': 'Pengguna ini tidak memiliki peran penulis',
  'courses.coauthorIsOwner': 'Pemilik kursus tidak dapat ditambahkan sebagai penulis pendamping',
  'import.fileMissing': 'Pilih berkas CSV untuk diunggah',
  'files.missing': 'Pilih berkas untuk diunggah',
  // learning
  'quiz.attemptClosed': 'Percobaan ini sudah dikumpulkan; jawaban tidak bisa diubah lagi',
  'quiz.deadlinePassed': 'Waktu pengerjaan sudah habis; jawaban setelah batas waktu tidak diterima',
  'quiz.noAttemptsLeft': 'Kesempatan mengerjakan kuis ini sudah habis',
  'quiz.notEnoughQuestions': 'Bank soal tidak memiliki cukup soal untuk kuis ini',
  'quiz.unknownSlot': 'Soal nomor ini tidak ada pada percobaan Anda',
  'quiz.invalidAnswer': 'Jawaban ini tidak sesuai dengan jenis soalnya',
  'quiz.unknownQuestionType': 'Jenis soal "{type}" tidak tersedia',
  'quiz.notAQuiz': 'Blok ini bukan kuis',
  'quiz.scoreAbovePoints': 'Nilai tidak boleh lebih dari {points} poin',
  'quiz.notManual': 'Jawaban ini dinilai otomatis',
  'quiz.giftLine': 'Baris {line}: {problem}',
  'quiz.unknownQuestion': 'Soal tidak ditemukan',
  'quiz.staleVersion': 'Soal ini sudah diubah orang lain (versi {current}); muat ulang sebelum menyimpan',
  'quiz.bankInUse': 'Bank soal ini dipakai kuis pada kursus yang sudah terbit sehingga tidak dapat dihapus',
  'quiz.categoryNameTaken': 'Sudah ada kategori dengan nama ini di tingkat yang sama',
  'quiz.categoryCycle': 'Kategori tidak dapat dipindahkan ke dalam dirinya sendiri atau sub-kategorinya',
  'quiz.giftEncoding': 'Berkas harus berupa teks GIFT dengan encoding UTF-8',
  'quiz.gift.badPoints': 'poin tidak valid: "{value}"',
  'quiz.gift.badWords': 'batas kata tidak valid: "{value}" (contoh: 50..300)',
  'quiz.gift.unclosedTitle': 'judul tidak ditutup (kurang "::")',
  'quiz.gift.noAnswerBlock': 'tidak ada blok jawaban {…}',
  'quiz.gift.unclosedBrace': 'kurung kurawal tidak ditutup (kurang "}")',
  'quiz.gift.oneAnswerBlock': 'hanya satu blok jawaban {…} per pertanyaan',
  'quiz.gift.emptyPrompt': 'teks pertanyaan kosong',
  'quiz.gift.answerMark': 'jawaban harus diawali "=" atau "~"',
  'quiz.gift.orderingMark': 'butir urutan harus diawali "="',
  'quiz.gift.shortAnswerWeight': 'isian singkat hanya menerima jawaban bernilai penuh (tanpa %bobot%)',
  'quiz.gift.badWeight': 'bobot jawaban tidak valid: "{value}"',
  'quiz.gift.emptyOption': 'ada pilihan jawaban yang kosong',
  'quiz.gift.noCorrect': 'tidak ada jawaban benar',
  'quiz.gift.matchingPair': 'pasangan menjodohkan harus berbentuk "=kiri -> kanan"',
  'quiz.gift.matchingRight': 'pasangan menjodohkan tanpa jawaban kanan',
  'quiz.gift.trueFalseTail': 'jawaban benar/salah hanya boleh diikuti #umpan balik',
  'quiz.gift.numericFull': 'soal angka hanya boleh punya satu jawaban bernilai penuh',
  'quiz.gift.numericFormat': 'format jawaban angka tidak dikenali: "{value}" (contoh: #3.14:0.01 atau #1..5)',
  'quiz.gift.numericRange': 'angka di luar jangkauan: "{value}"',
  'learning.unknownBlock': 'Blok ini tidak ada pada versi kursus yang Anda ikuti',
  'learning.unknownLesson': 'Pelajaran ini tidak ada pada versi kursus yang Anda ikuti',
  'learning.endBeforeStart': 'Tanggal selesai tidak boleh sebelum tanggal mulai',
  'learning.rulesNotMet': 'Blok ini belum selesai: {rule}',
  'learning.evidenceNotFound': 'Berkas bukti tidak ditemukan',
  // assignments
  'assignments.oneTarget': 'Pilih tepat satu sasaran: unit, jabatan, atau daftar pegawai',
  'assignments.dueInPast': 'Tenggat tidak boleh sebelum hari ini',
  'assignments.courseNotPublished': 'Hanya kursus yang terbit dan tidak diarsipkan yang dapat ditugaskan',
  'assignments.unknownTarget': 'Sasaran penugasan tidak ditemukan',
};

const en: Catalogue = {
  [ErrorCode.ValidationFailed]: 'The submitted data is not valid',
  [ErrorCode.Unauthenticated]: 'Please sign in first',
  [ErrorCode.InvalidCredentials]: 'Wrong NIP or password',
  [ErrorCode.AccountInactive]: 'Your account is inactive. Contact the BKPSDMD admin.',
  [ErrorCode.TokenInvalid]: 'Your session has expired. Please sign in again.',
  [ErrorCode.RefreshReused]: 'This session was used elsewhere and has been ended for your safety. Please sign in again.',
  [ErrorCode.Forbidden]: 'You are not allowed to do this',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.Conflict]: 'This conflicts with existing data',
  [ErrorCode.NipTaken]: 'This NIP is already registered',
  [ErrorCode.OrgUnitCodeTaken]: 'This org unit code is already used',
  [ErrorCode.OrgUnitCycle]: 'The parent unit cannot be the unit itself or one of its sub-units',
  [ErrorCode.OrgUnitInUse]: 'This org unit still has sub-units, positions or staff',
  [ErrorCode.PositionInUse]: 'This position is still held by staff',
  [ErrorCode.TooManyAttempts]: 'Too many attempts. Try again in {seconds} seconds.',
  [ErrorCode.NipLocked]: 'Too many wrong passwords for this NIP. Try again in {seconds} seconds.',
  [ErrorCode.PayloadTooLarge]: 'File too large (at most {limit})',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported file type',
  [ErrorCode.ImportFileInvalid]: 'The CSV file cannot be read: {reason}',
  [ErrorCode.CourseNotEditable]: 'This course is in review or archived and cannot be changed',
  [ErrorCode.InvalidTransition]: 'This action is not possible in the course status',
  [ErrorCode.ContentConflict]: 'This course was just changed elsewhere. Reload to see the latest changes; what you typed stays on screen.',
  [ErrorCode.FileTooLarge]: 'File too large (at most {limit})',
  [ErrorCode.FileTypeNotAllowed]: 'File type not allowed. Allowed: {allowed}',
  [ErrorCode.Internal]: 'Something went wrong on the server. None of your data was lost; please try again. Request id: {requestId}',
  [ErrorCode.ServiceUnavailable]: 'The service is unavailable. Please try again shortly.',
  'validation.required': 'Required',
  'validation.invalidType': 'Invalid value',
  'validation.tooShort': 'At least {minimum} characters',
  'validation.tooLong': 'At most {maximum} characters',
  'validation.tooSmall': 'At least {minimum}',
  'validation.tooBig': 'At most {maximum}',
  'validation.email': 'Invalid e-mail address',
  'validation.uuid': 'Invalid id',
  'validation.format': 'Invalid format',
  'validation.enum': 'Choose one of: {options}',
  'validation.unknownKeys': 'Unknown fields: {keys}',
  'validation.phone': 'Invalid phone number (e.g. 081234567890)',
  'validation.password': 'The password needs at least 8 characters with letters and digits',
  'validation.orgUnitCode': 'Use only letters, digits, dots, underscores and hyphens',
  'validation.golongan': 'Invalid rank (e.g. III/a, IV/b, or IX for PPPK)',
  'validation.roles': 'Choose at least one role',
  'nip.format': 'A NIP has exactly 18 digits',
  'nip.birthDate': 'The birth date in the NIP (digits 1–8) is not a real date',
  'nip.appointmentDate': 'The appointment date in the NIP (digits 9–14) is not plausible',
  'nip.sex': 'The sex digit of the NIP (digit 15) must be 1 or 2',
  'nip.serial': 'The serial number of the NIP (digits 16–18) cannot be 000',
  'import.header': 'The header row must have the columns: {columns}',
  'import.empty': 'The file has no data rows',
  'import.tooManyRows': 'The file has more than {max} rows',
  'import.unknownOrgUnit': 'Org unit code "{value}" not found',
  'import.unknownPosition': 'Position "{value}" not found in this org unit',
  'import.duplicateInFile': 'This NIP already appears on row {row}',
  'import.emailTaken': 'This e-mail is already used by someone else',
  'import.columnCount': 'This row has {count} columns but the header has {expected}. Put values that contain the separator in quotes.',
  'validation.emailTaken': 'This e-mail is already used by someone else',
  'validation.notFound': 'The selected item does not exist',
  'validation.duplicate': 'An item is listed twice',
  'certificate.patternNoSeq': 'The number pattern must contain {seq} (the sequence number)',
  'certificate.patternNoYear': 'The number pattern must contain {year} (the sequence restarts every year)',
  'certificate.patternUnknown': 'The number pattern contains an unknown placeholder: {token}',
  'certificate.patternCharacters': 'The fixed text of a number pattern may only hold ASCII letters, digits, spaces and punctuation',
  'certificate.patternTaken': 'Another template already uses this number pattern',
  'certificate.templateNameTaken': 'A template with this name already exists',
  'certificate.unknownTemplateType': 'Template type "{key}" is not available',
  'certificate.templateInUse': 'Certificates were issued with this template; archive it instead',
  'certificate.noTemplate': 'There is no default certificate template yet; choose one',
  'certificate.logoType': 'The logo must be a PNG or JPEG image',
  'certificate.courseNotPublished': 'Certificates are only for published courses',
  'certificate.oneSelection': 'Choose a list of users or a list of NIPs, not both',
  'certificate.rangeOrder': 'The end date cannot be before the start date',
  'certificate.nothingToIssue': 'No learner matches this selection',
  'certificate.unknownNip': 'This NIP is not registered',
  'certificate.notCompleted': 'Has not completed this course',
  'certificate.alreadyIssued': 'Already has a certificate for this course ({number})',
  'certificate.alreadyRevoked': 'This certificate has already been revoked',
  'certificate.notReissuable': 'Only a valid or revoked certificate can be reissued',
  'certificate.batchNotFinished': 'The batch has not finished yet',
  'certificate.numberTaken': 'Certificate number {number} is already used; check the template number pattern',
  'certificate.renderFailed': 'Could not create the PDF: {problem}',
  'certificate.storageFailed': 'Could not store the PDF: {problem}',
  'certificate.inactiveUser': 'This account is inactive',
  'certificate.pdfNotReady': 'The certificate PDF is being created; try again shortly',
  'notification.certificate.issued.title': 'Certificate issued',
  'notification.certificate.issued.body': 'Your certificate for {course} has been issued with number {number}.',
  'evaluation.notCompleted': 'The survey opens once you have completed this course',
  'evaluation.alreadyAnswered': 'You have already answered this course survey; thank you',
  'evaluation.answerRequired': 'This question must be answered',
  'evaluation.likertRange': 'Choose a value from 1 to 5',
  'evaluation.unknownQuestion': 'This question is not in the survey',
  'evaluation.questionIdsUnique': 'Every question needs a different id',
  'evaluation.surveyMissing': 'Has not answered the course evaluation survey (required before the certificate)',
  'competency.levelsContiguous': 'Levels must be numbered from 1 without gaps',
  'competency.levelAboveScale': 'Level {level} is above the framework scale (1–{scaleMax})',
  'competency.codeTaken': 'Competency code "{code}" is already used in this framework',
  'competency.frameworkTaken': 'Framework "{name}" version {version} already exists',
  'competency.parentCycle': 'A competency cannot be moved into itself or one of its descendants',
  'competency.parentOtherFramework': 'The parent competency must be in the same framework',
  'competency.inUse': 'This competency is in use (position standards, course targets or evidence) and cannot be deleted',
  'competency.frameworkInUse': 'This framework is in use and cannot be deleted; retire it instead',
  'competency.notPublished': 'Competency "{code}" is not published or has been retired',
  'competency.noLevels': 'Competency "{code}" has no levels and cannot be assessed',
  'competency.frameworkEmpty': 'The framework has no competency with levels yet and cannot be published',
  'competency.scaleBelowLevels': 'The scale cannot be below the highest level in use ({level})',
  'competency.importRow': 'Row {row}: {problem}',
  'competency.importPath': '{path}: {problem}',
  'competency.importFormat': 'The file cannot be read as {format}: {problem}',
  'competency.ambiguousCode': 'Code "{code}" exists in more than one framework; fill in the framework column',
  'competency.unknownCode': 'Competency "{code}" was not found in a published framework',
  'competency.unknownPosition': 'Position "{position}" was not found',
  'competency.futureDate': 'The date cannot be in the future',
  'competency.fileNotFound': 'The attachment does not exist',
  'competency.importEncoding': 'The file must be UTF-8 text (CSV or CASE JSON)',
  'competency.importMoreErrors': 'There are more errors after these {max}; fix them and upload the file again',
  'competency.importCsvSyntax': 'The CSV is broken here (for example an unclosed quote)',
  'competency.importDuplicateColumn': 'Column {column} appears twice',
  'competency.importInconsistent': 'The {column} value differs from the one on row {row}',
  'competency.importDuplicateLevel': 'Level {level} of competency "{code}" is already on row {row}',
  'competency.unknownParent': 'Parent competency "{code}" is not in the file',
  'competency.identifierTaken': 'Identifier {identifier} is used more than once',
  'competency.importNotJson': 'The file is not valid JSON',
  'competency.importNotCase': 'This JSON file is not a CASE 1.0 package (a CFPackage with CFDocument and CFItems)',
  'competency.importUnknownItem': 'CASE item {identifier} is not in this package',
  'competency.importManyParents': 'This item has more than one parent (isChildOf); a framework must be a single tree',
  'competency.importManyCriteria': 'Item {identifier} has more than one rubric criterion',
  'competencyReport.heatmapSheet': 'Competency map',
  'competencyReport.detailSheet': 'Details',
  'competencyReport.gapSheet': 'Competency gaps',
  'competencyReport.unitCode': 'Unit code',
  'competencyReport.unit': 'Work unit',
  'competencyReport.asnCount': 'Number of ASN',
  'competencyReport.competencyCode': 'Competency code',
  'competencyReport.competency': 'Competency',
  'competencyReport.required': 'ASN required',
  'competencyReport.met': 'ASN meeting it',
  'competencyReport.share': 'Share meeting it',
  'competencyReport.nip': 'NIP',
  'competencyReport.name': 'Name',
  'competencyReport.position': 'Position',
  'competencyReport.totalGap': 'Total gap',
  'competencyReport.gapCount': 'Number of competencies',
  'competencyReport.match': 'Job-Person Match (%)',
  'competencyReport.gaps': 'Gaps (achieved→required)',
  'position.nameTaken': 'A position with this name already exists in the same org unit',
  'users.cannotDemoteSelf': 'You cannot deactivate your own account or remove your own admin role',
  'import.encoding': 'The file must be CSV text encoded as UTF-8',
  'content.unknownType': 'This block type is unknown or not enabled',
  'content.empty': 'A course needs at least one module with a lesson that has content',
  'content.duplicateKey': 'This key is already used elsewhere in the course',
  'content.fileNotFound': 'The file does not exist or does not belong to this course',
  'courses.coverNotImage': 'The cover must be an image uploaded for this course',
  'courses.coauthorNotAuthor': 'This user does not have the author role',
  'courses.coauthorIsOwner': 'The course owner cannot be added as a co-author',
  'import.fileMissing': 'Choose a CSV file to upload',
  'files.missing': 'Choose a file to upload',
  'quiz.attemptClosed': 'This attempt has been submitted; its answers can no longer change',
  'quiz.deadlinePassed': 'Time is up; answers after the deadline are not accepted',
  'quiz.noAttemptsLeft': 'You have no attempts left for this quiz',
  'quiz.notEnoughQuestions': 'The question bank does not hold enough questions for this quiz',
  'quiz.unknownSlot': 'Your attempt has no question with this number',
  'quiz.invalidAnswer': 'This answer does not fit the question type',
  'quiz.unknownQuestionType': 'Question type "{type}" is not available',
  'quiz.notAQuiz': 'This block is not a quiz',
  'quiz.scoreAbovePoints': 'The score cannot exceed {points} points',
  'quiz.notManual': 'This answer is graded automatically',
  'quiz.giftLine': 'Line {line}: {problem}',
  'quiz.unknownQuestion': 'Question not found',
  'quiz.staleVersion': 'Someone else changed this question (version {current}); reload before saving',
  'quiz.bankInUse': 'A published course has a quiz drawing from this question bank, so it cannot be deleted',
  'quiz.categoryNameTaken': 'A category with this name already exists at the same level',
  'quiz.categoryCycle': 'A category cannot move into itself or one of its sub-categories',
  'quiz.giftEncoding': 'The file must be GIFT text encoded in UTF-8',
  'quiz.gift.badPoints': 'invalid points: "{value}"',
  'quiz.gift.badWords': 'invalid word limits: "{value}" (example: 50..300)',
  'quiz.gift.unclosedTitle': 'title not closed (missing "::")',
  'quiz.gift.noAnswerBlock': 'no answer block {…}',
  'quiz.gift.unclosedBrace': 'brace not closed (missing "}")',
  'quiz.gift.oneAnswerBlock': 'only one answer block {…} per question',
  'quiz.gift.emptyPrompt': 'empty question text',
  'quiz.gift.answerMark': 'answers must start with "=" or "~"',
  'quiz.gift.orderingMark': 'ordering items must start with "="',
  'quiz.gift.shortAnswerWeight': 'a short answer accepts only full-credit answers (no %weight%)',
  'quiz.gift.badWeight': 'invalid answer weight: "{value}"',
  'quiz.gift.emptyOption': 'an answer option is empty',
  'quiz.gift.noCorrect': 'no correct answer',
  'quiz.gift.matchingPair': 'matching pairs must have the form "=left -> right"',
  'quiz.gift.matchingRight': 'matching pair without a right-hand answer',
  'quiz.gift.trueFalseTail': 'a true/false answer may only be followed by #feedback',
  'quiz.gift.numericFull': 'a numeric question may have only one full-credit answer',
  'quiz.gift.numericFormat': 'numeric answer format not recognised: "{value}" (example: #3.14:0.01 or #1..5)',
  'quiz.gift.numericRange': 'number out of range: "{value}"',
  'learning.unknownBlock': 'This block is not part of the course version you are enrolled in',
  'learning.unknownLesson': 'This lesson is not part of the course version you are enrolled in',
  'learning.endBeforeStart': 'The end date cannot be before the start date',
  'learning.rulesNotMet': 'This block is not finished yet: {rule}',
  'learning.evidenceNotFound': 'The evidence file does not exist',
  'assignments.oneTarget': 'Choose exactly one target: a unit, a position or listed users',
  'assignments.dueInPast': 'The due date cannot be before today',
  'assignments.courseNotPublished': 'Only published, non-archived courses can be assigned',
  'assignments.unknownTarget': 'The assignment target does not exist',
};

export const messages: Record<Lang, Catalogue> = { id, en };
const coreKeys: Catalogue = { ...id };

/** A plugin's own message catalogue (its validation keys), in both languages. */
export type MessageCatalogue = Partial<Record<Lang, Record<string, string>>>;

/**
 * Adds a plugin's messages to the catalogue, so that `t()` and `issueMessage()` translate
 * the keys its schemas use. Core keys are never overridden (a plugin cannot reword them);
 * plugins should prefix their keys with their content type (`video.host`).
 */
export function registerMessages(catalogue: MessageCatalogue | undefined | null): void {
  if (!catalogue || typeof catalogue !== 'object') return;
  for (const lang of LANGS) {
    const extra = catalogue[lang];
    if (!extra || typeof extra !== 'object') continue;
    for (const [key, text] of Object.entries(extra)) {
      if (typeof text === 'string' && !(key in coreKeys)) messages[lang][key] = text;
    }
  }
}

/** Looks a key up and fills `{name}` placeholders; an unknown key is returned as it is. */
export function t(key: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const template = messages[lang][key] ?? messages.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return key in messages.id;
}

/**
 * A zod issue in words. Schemas in this package use message keys as custom messages
 * (`'nip.format'`); zod's own issues are mapped by their code. `input` is the value that
 * was validated, to tell "missing" from "wrong".
 */
export function issueMessage(issue: $ZodIssue, lang: Lang, input?: unknown): { code: string; message: string } {
  if (hasMessage(issue.message)) return { code: issue.message, message: t(issue.message, lang) };
  const at = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (at === undefined || at === null || at === '') return keyed('validation.required', lang);
      return keyed('validation.invalidType', lang);
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1 && (at === '' || at === undefined)) {
        return keyed('validation.required', lang);
      }
      if (issue.origin === 'array' && Number(issue.minimum) === 1) return keyed('validation.required', lang);
      return keyed(issue.origin === 'string' ? 'validation.tooShort' : 'validation.tooSmall', lang, {
        minimum: issue.minimum,
      });
    case 'too_big':
      return keyed(issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig', lang, {
        maximum: issue.maximum,
      });
    case 'invalid_format':
      if (issue.format === 'email') return keyed('validation.email', lang);
      if (issue.format === 'uuid') return keyed('validation.uuid', lang);
      return keyed('validation.format', lang);
    case 'invalid_value':
      return keyed('validation.enum', lang, { options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return keyed('validation.unknownKeys', lang, { keys: issue.keys.join(', ') });
    default:
      return keyed('validation.format', lang);
  }
}

function keyed(key: string, lang: Lang, params?: Record<string, unknown>) {
  return { code: key, message: t(key, lang, params) };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
